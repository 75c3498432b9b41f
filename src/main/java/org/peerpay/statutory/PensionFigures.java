package org.peerpay.statutory;

import java.math.BigDecimal;

/**
 * A tax year's automatic enrolment figures: the earnings trigger, the qualifying earnings band, and the minimum
 * contributions on qualifying earnings (percent).
 */
public record PensionFigures(PeriodFigures earningsTrigger, PeriodFigures qualifyingEarningsLower,
        PeriodFigures qualifyingEarningsUpper, BigDecimal employerPercent, BigDecimal employeePercent) {
}
