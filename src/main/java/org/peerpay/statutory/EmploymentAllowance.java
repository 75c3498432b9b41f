package org.peerpay.statutory;

import java.math.BigDecimal;

/**
 * Employment Allowance: an eligible employer's Class 1 secondary (employer) contributions are offset, period by
 * period, until the tax year's allowance is used up. A service user employing a care or support worker from a
 * direct payment qualifies (HMRC NIM06520).
 */
public final class EmploymentAllowance {

    private final BigDecimal perEmployer;

    public EmploymentAllowance(TaxYear year) {
        this.perEmployer = year.employmentAllowance();
    }

    /** @param offset employer NIC covered by the allowance this period; the employer pays the rest */
    public record Claim(BigDecimal offset, BigDecimal usedToDate, BigDecimal remaining) {
    }

    /**
     * @param usedBefore allowance the employer has already used in this tax year, across all its employments
     * @param employerNic this period's employer contributions
     */
    public Claim claim(boolean eligible, BigDecimal usedBefore, BigDecimal employerNic) {
        BigDecimal remaining = eligible ? perEmployer.subtract(usedBefore).max(BigDecimal.ZERO) : BigDecimal.ZERO;
        BigDecimal offset = employerNic.max(BigDecimal.ZERO).min(remaining);
        return new Claim(offset, usedBefore.add(offset), remaining.subtract(offset));
    }
}
