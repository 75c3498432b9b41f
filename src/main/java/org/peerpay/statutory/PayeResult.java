package org.peerpay.statutory;

import java.math.BigDecimal;

/**
 * One period's income tax, in pounds to the penny.
 *
 * @param taxThisPeriod tax to deduct this period; negative for a refund
 * @param taxToDate tax deducted in the tax year including this period
 * @param regulatoryLimitApplied true when a K code's tax was cut to half of the period's pay (the rest is
 *     collected in later periods, as the cumulative calculation sees it unpaid)
 */
public record PayeResult(BigDecimal taxThisPeriod, BigDecimal taxToDate, boolean regulatoryLimitApplied) {
}
