package org.peerpay.statutory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One National Insurance threshold of a tax year. HMRC publishes the weekly, monthly and annual figures; the
 * two-weekly and four-weekly ones are the annual figure divided by 26 or 13, rounded up to the whole pound.
 */
public record NiThreshold(BigDecimal weekly, BigDecimal monthly, BigDecimal annual) {

    public BigDecimal per(PayFrequency frequency) {
        return switch (frequency) {
            case WEEKLY -> weekly;
            case MONTHLY -> monthly;
            case TWO_WEEKLY, FOUR_WEEKLY -> annual.divide(BigDecimal.valueOf(frequency.periodsPerYear()), 0,
                    RoundingMode.CEILING);
        };
    }
}
