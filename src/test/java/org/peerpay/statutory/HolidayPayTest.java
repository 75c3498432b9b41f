package org.peerpay.statutory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HolidayPayTest {

    @ParameterizedTest(name = "12.07% of £{0} = £{1}")
    @CsvSource({
            "0.00, 0.00",
            "100.00, 12.07",
            "172.56, 20.83",   // 20.828 rounds up
            "151.00, 18.23",   // 18.2257 rounds up
            "150.00, 18.11",   // 18.105 exactly: half-up
            "149.96, 18.10",   // 18.1002 rounds down
            "1012.50, 122.21"  // 122.20875 rounds up
    })
    void rollsUpTwelvePointZeroSevenPercentHalfUpToThePenny(BigDecimal pay, BigDecimal holidayPay) {
        assertThat(HolidayPay.rolledUp(pay)).isEqualTo(holidayPay);
    }

    @ParameterizedTest(name = "12.07% of {0} minutes = {1} minutes")
    @CsvSource({"0, 0", "60, 7", "180, 22", "600, 72", "1000, 121", "149, 18", "29, 4", "4, 0"})
    void accruesTwelvePointZeroSevenPercentOfMinutesHalfUp(int worked, int accrued) {
        assertThat(HolidayPay.accruedMinutes(worked)).isEqualTo(accrued);
    }

    @Test
    void refusesNegativeTime() {
        assertThatThrownBy(() -> HolidayPay.accruedMinutes(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
