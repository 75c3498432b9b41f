package org.peerpay.statutory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatePensionAgeTest {

    @ParameterizedTest(name = "born {0}: State Pension age on {1}")
    @CsvSource({
            "1960-04-05, 2026-04-05",  // 66
            "1960-04-06, 2026-05-06",  // 66 and 1 month
            "1960-05-05, 2026-06-05",
            "1960-05-06, 2026-07-06",  // 66 and 2 months
            "1961-03-05, 2028-02-05",  // 66 and 11 months
            "1961-03-06, 2028-03-06",  // 67
            "1977-04-05, 2044-04-05",
            "1977-04-06, 2044-05-06",  // Pensions Act 2007 table
            "1977-05-06, 2044-07-06",
            "1978-04-05, 2046-03-06",
            "1978-04-06, 2046-04-06"}) // 68
    void followsThePensionsActs(LocalDate born, LocalDate reached) {
        assertThat(StatePensionAge.reachedOn(born)).isEqualTo(reached);
    }
}
