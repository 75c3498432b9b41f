package org.peerpay.statutory;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the statutory calculations need for one employment's payslip.
 *
 * @param period the tax period of the pay date (see {@link Paye#calculate})
 * @param payForTimeWorked pay for the period's hours, in pounds, before holiday pay
 * @param taxablePayBefore taxable pay of this employment earlier in the tax year
 * @param taxPaidBefore tax deducted earlier in the tax year
 */
public record PayslipInput(PayFrequency frequency, int period, LocalDate payDate, BigDecimal payForTimeWorked,
        int minutesWorked, HolidayMethod holiday, TaxCode taxCode, boolean week1Month1, char niCategory,
        LocalDate dateOfBirth, PensionMembership pension, PensionBasis pensionBasis, BigDecimal taxablePayBefore,
        BigDecimal taxPaidBefore) {
}
