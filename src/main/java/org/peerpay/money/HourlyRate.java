package org.peerpay.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.money.MonetaryAmount;

/** Pounds per hour, above zero, at most four decimal places (councils set rates such as £14.3825). */
public record HourlyRate(BigDecimal pounds) implements Comparable<HourlyRate> {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    public HourlyRate {
        if (pounds.signum() <= 0 || pounds.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("an hourly rate must be above zero with at most four decimal"
                    + " places: " + pounds.toPlainString());
        }
        pounds = pounds.setScale(4, RoundingMode.UNNECESSARY);
    }

    public static HourlyRate of(String pounds) {
        return new HourlyRate(new BigDecimal(pounds));
    }

    /** Pay for minutes at this rate: minutes × rate ÷ 60, rounded {@link Gbp#PENNY_HALF_UP} once, at the end. */
    public MonetaryAmount payFor(Minutes minutes) {
        return Gbp.roundedToPenny(pounds.multiply(BigDecimal.valueOf(minutes.value())).divide(SIXTY, 2, Gbp.PENNY_HALF_UP));
    }

    public boolean isBelow(HourlyRate other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(HourlyRate other) {
        return pounds.compareTo(other.pounds);
    }

    /** The rate as people write it: £14.38, or £14.3825 when it has more than pence. */
    public String inPounds() {
        return "£" + pounds.stripTrailingZeros().setScale(Math.max(2, pounds.stripTrailingZeros().scale()))
                .toPlainString();
    }

    @Override
    public String toString() {
        return inPounds() + "/h";
    }
}
