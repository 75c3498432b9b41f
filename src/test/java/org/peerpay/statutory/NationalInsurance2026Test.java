package org.peerpay.statutory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 2026/27 Class 1 cases worked out by hand for the frequencies direct-payment payrolls use: at, and a penny either
 * side of, each two-weekly and four-weekly threshold (ST £193 / £385, PT £484 / £967, UEL £1,934 / £3,867).
 */
class NationalInsurance2026Test {

    static final NationalInsurance NIC = new NationalInsurance(new TaxYears(Path.of("batch-config/tax-years"))
            .get("2026-27"));

    @ParameterizedTest(name = "{0} category {1} £{2}: employee £{3}, employer £{4}")
    @CsvSource({
            // four-weekly: ST 385, PT 967, UEL 3867
            "four-weekly, A, 385.00,   0.00,   0.00",
            "four-weekly, A, 385.06,   0.00,   0.01",   // 0.009 -> 0.01
            "four-weekly, A, 967.00,   0.00,  87.30",
            "four-weekly, A, 967.07,   0.00,  87.31",   // employee 0.0056 -> 0.00 (0.5p or less down)
            "four-weekly, A, 967.08,   0.01,  87.31",   // employee 0.0064 -> 0.01
            "four-weekly, A, 1012.50,  3.64,  94.12",   // a peer mentor's month: employer 94.125 -> 94.12
            "four-weekly, A, 3867.00, 232.00, 522.30",
            "four-weekly, A, 3867.01, 232.00, 522.30",  // 2% of 0.01 is nothing
            "four-weekly, B, 3867.00,  53.65, 522.30",  // 1.85% of 2900 = 53.65
            "four-weekly, M, 3867.00, 232.00,   0.00",  // under 21: no employer NIC up to the UST
            "four-weekly, M, 3868.00, 232.02,   0.15",
            // two-weekly: ST 193, PT 484, UEL 1934
            "two-weekly,  A, 192.99,   0.00,   0.00",
            "two-weekly,  A, 193.00,   0.00,   0.00",
            "two-weekly,  A, 193.01,   0.00,   0.00",   // 0.0015 -> 0.00
            "two-weekly,  A, 484.00,   0.00,  43.65",
            "two-weekly,  A, 484.01,   0.00,  43.65",
            "two-weekly,  C, 600.00,   0.00,  61.05",   // over state pension age: employer only
            "two-weekly,  A, 1934.01, 116.00, 261.15"})
    void worksOutContributionsToThePenny(String frequency, char category, BigDecimal pay, BigDecimal employee,
                                         BigDecimal employer) {
        NicResult result = NIC.calculate(PayFrequency.of(frequency), category, pay);

        assertThat(result).isEqualTo(new NicResult(employee, employer));
    }
}
