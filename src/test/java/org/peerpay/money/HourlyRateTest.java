package org.peerpay.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HourlyRateTest {

    static final MonetaryAmount FOURTEEN_POUNDS_THIRTY_EIGHT = Gbp.of("14.38");

    @ParameterizedTest(name = "{0} minutes at £{1} = £{2}")
    @CsvSource({
            "60, 14.38, 14.38",
            "0, 14.38, 0.00",
            "1, 14.38, 0.24",     // 0.23966... rounds up
            "135, 14.38, 32.36",  // 32.355 exactly: half-up to 32.36
            "45, 14.38, 10.79",   // 10.785 exactly: half-up
            "10, 14.25, 2.38",    // 2.375 exactly: half-up
            "7, 12.21, 1.42",     // 1.4245 rounds down
            "181, 14.3825, 43.39" // 43.38720... rounds up
    })
    void paysMinutesAtTheRateRoundedHalfUpToThePennyOnce(int minutes, String rate, String pay) {
        assertThat(HourlyRate.of(rate).payFor(Minutes.of(minutes))).isEqualTo(Gbp.of(pay));
    }

    @Test
    void roundsOncePerRateLineNotPerShift() {
        HourlyRate rate = HourlyRate.of("14.38");

        assertThat(rate.payFor(Minutes.of(135).plus(Minutes.of(135)))).isEqualTo(Gbp.of("64.71"));
        assertThat(rate.payFor(Minutes.of(135)).multiply(2)).as("rounding each shift would overpay a penny")
                .isEqualTo(Gbp.of("64.72"));
    }

    @Test
    void comparesWithTheFloor() {
        assertThat(HourlyRate.of("14.00").isBelow(HourlyRate.of("14.38"))).isTrue();
        assertThat(HourlyRate.of("14.3800").isBelow(HourlyRate.of("14.38"))).isFalse();
        assertThat(Gbp.pounds(FOURTEEN_POUNDS_THIRTY_EIGHT)).hasToString("14.38");
    }

    @Test
    void refusesRatesThatAreNotMoneyPerHour() {
        assertThatThrownBy(() -> HourlyRate.of("0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HourlyRate.of("14.38001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gbp.of("1.005")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Minutes.of(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
