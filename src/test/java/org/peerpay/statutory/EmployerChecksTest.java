package org.peerpay.statutory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Employment Allowance and the National Minimum Wage check for a pay reference period. */
class EmployerChecksTest {

    static final EmploymentAllowance ALLOWANCE = new EmploymentAllowance(new TaxYears(Path.of("batch-config/tax-years"))
            .get("2026-27"));

    @ParameterizedTest(name = "used £{0}, employer NIC £{1}: offset £{2}, remaining £{3}")
    @CsvSource({
            "0.00,     94.12,  94.12, 10405.88",
            "10400.00, 150.00, 100.00,    0.00",  // the last £100 of £10,500
            "10500.00, 94.12,    0.00,    0.00",
            "10499.99, 94.12,    0.01,    0.00"})
    void offsetsEmployerNicUntilTheYearsAllowanceIsUsed(BigDecimal used, BigDecimal nic, BigDecimal offset,
                                                       BigDecimal remaining) {
        EmploymentAllowance.Claim claim = ALLOWANCE.claim(true, used, nic);

        assertThat(claim.offset()).isEqualByComparingTo(offset);
        assertThat(claim.remaining()).isEqualByComparingTo(remaining);
        assertThat(claim.usedToDate()).isEqualByComparingTo(used.add(offset));
    }

    @Test
    void offsetsNothingForAnEmployerWithoutTheFlag() {
        assertThat(ALLOWANCE.claim(false, BigDecimal.ZERO, new BigDecimal("94.12")).offset()).isZero();
    }

    @ParameterizedTest(name = "£{0} for {1} minutes at £{2}/h: shortfall £{3}")
    @CsvSource({
            "127.10, 600, 12.71, 0.00",
            "127.09, 600, 12.71, 0.01",
            "127.11, 600, 12.71, 0.00",
            "100.00, 500, 12.71, 5.92",   // 105.9166... needed: short 5.9166 up to 5.92
            "0.00,     0, 12.71, 0.00"})
    void checksPayForTimeWorkedAgainstTheRateInForce(BigDecimal pay, int minutes, BigDecimal rate,
                                                     BigDecimal shortfall) {
        MinimumWageCheck check = new MinimumWageCheck(pay, minutes, rate);

        assertThat(check.shortfall()).isEqualByComparingTo(shortfall);
        assertThat(check.passes()).isEqualTo(shortfall.signum() == 0);
    }
}
