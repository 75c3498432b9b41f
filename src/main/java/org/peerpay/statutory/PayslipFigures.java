package org.peerpay.statutory;

import java.math.BigDecimal;

/**
 * The statutory figures of one payslip, in pounds to the penny.
 *
 * @param holidayPay rolled-up holiday pay (zero when holiday is accrued)
 * @param holidayMinutesAccrued holiday accrued this period (zero when it is rolled up)
 * @param grossPay pay for time worked plus holiday pay
 * @param taxablePay gross pay less a net-pay-arrangement pension contribution
 * @param netPay gross pay less tax, employee NIC and the pension deduction
 */
public record PayslipFigures(BigDecimal holidayPay, int holidayMinutesAccrued, BigDecimal grossPay,
        BigDecimal taxablePay, PayeResult tax, NicResult nic, PensionResult pension, BigDecimal netPay) {
}
