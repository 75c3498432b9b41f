package org.peerpay.statutory;

import java.math.BigDecimal;
import java.util.Map;

/** A threshold published for each pay reference period (weekly, two-weekly, four-weekly, monthly) and a year. */
public record PeriodFigures(Map<PayFrequency, BigDecimal> perPeriod, BigDecimal annual) {

    public PeriodFigures {
        perPeriod = Map.copyOf(perPeriod);
    }

    public BigDecimal per(PayFrequency frequency) {
        return perPeriod.get(frequency);
    }
}
