package org.peerpay.statutory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * National Minimum Wage for one pay reference period: pay for time worked (holiday pay and expenses excluded)
 * divided by the hours worked must be at least the rate in force for the worker's age band.
 *
 * @param hourlyRate the rate in force for the worker's age band, in pounds
 */
public record MinimumWageCheck(BigDecimal payForTimeWorked, int minutesWorked, BigDecimal hourlyRate) {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    public MinimumWageCheck {
        if (minutesWorked < 0) {
            throw new IllegalArgumentException("minutes worked cannot be negative: " + minutesWorked);
        }
    }

    public boolean passes() {
        return payForTimeWorked.multiply(MINUTES_PER_HOUR)
                .compareTo(hourlyRate.multiply(BigDecimal.valueOf(minutesWorked))) >= 0;
    }

    /** What must be added to the period's pay to reach the minimum, rounded up to the penny; zero when it passes. */
    public BigDecimal shortfall() {
        BigDecimal shortMinutePounds = hourlyRate.multiply(BigDecimal.valueOf(minutesWorked))
                .subtract(payForTimeWorked.multiply(MINUTES_PER_HOUR));
        return shortMinutePounds.max(BigDecimal.ZERO).divide(MINUTES_PER_HOUR, 2, RoundingMode.CEILING);
    }
}
