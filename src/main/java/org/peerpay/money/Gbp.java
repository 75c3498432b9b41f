package org.peerpay.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import javax.money.format.AmountFormatQueryBuilder;
import javax.money.format.MonetaryAmountFormat;
import javax.money.format.MonetaryFormats;
import org.javamoney.moneta.format.CurrencyStyle;
import org.javamoney.moneta.Money;

/**
 * Pounds sterling as JSR-354 amounts. The one rounding policy of PeerPay is {@link #PENNY_HALF_UP}: half-up to
 * the penny, applied where an amount is computed from minutes and rates, never to amounts that are already money.
 */
public final class Gbp {

    public static final CurrencyUnit GBP = Monetary.getCurrency("GBP");
    public static final RoundingMode PENNY_HALF_UP = RoundingMode.HALF_UP;
    public static final MonetaryAmount ZERO = Money.of(BigDecimal.ZERO.setScale(2), "GBP");

    /** Moneta's formats hold a DecimalFormat, which is not thread-safe: one per thread. */
    private static final ThreadLocal<MonetaryAmountFormat> FOR_PEOPLE = ThreadLocal.withInitial(() ->
            MonetaryFormats.getAmountFormat(AmountFormatQueryBuilder.of(Locale.UK).set(CurrencyStyle.SYMBOL).build()));

    private Gbp() {
    }

    /** An amount that is already pounds and pence; more than two decimal places is refused, not rounded. */
    public static MonetaryAmount of(BigDecimal pounds) {
        if (pounds.stripTrailingZeros().scale() > 2) {
            throw new ArithmeticException("£" + pounds.toPlainString() + " is not a whole number of pence");
        }
        return Money.of(pounds.setScale(2, RoundingMode.UNNECESSARY), GBP);
    }

    public static MonetaryAmount of(String pounds) {
        return of(new BigDecimal(pounds));
    }

    /** Rounds an exact amount to the penny by {@link #PENNY_HALF_UP}. */
    public static MonetaryAmount roundedToPenny(BigDecimal exactPounds) {
        return Money.of(exactPounds.setScale(2, PENNY_HALF_UP), GBP);
    }

    /**
     * The amount as people read it, {@code £1,557.85} or {@code -£264.87}: Moneta's en-GB format with the pound
     * sign (which alone would write {@code £-264.87}).
     */
    public static String format(MonetaryAmount amount) {
        pounds(amount);
        return amount.isNegative() ? "-" + FOR_PEOPLE.get().format(amount.negate()) : FOR_PEOPLE.get().format(amount);
    }

    /** As {@link #format(MonetaryAmount)}, for an amount already in pounds and pence. */
    public static String format(BigDecimal pounds) {
        return format(of(pounds));
    }

    /** The amount as a BigDecimal in pounds with two decimal places, as stored in {@code numeric} columns. */
    public static BigDecimal pounds(MonetaryAmount amount) {
        if (!GBP.equals(amount.getCurrency())) {
            throw new IllegalArgumentException("PeerPay pays in pounds sterling, not " + amount.getCurrency());
        }
        return amount.getNumber().numberValue(BigDecimal.class).setScale(2, RoundingMode.UNNECESSARY);
    }
}
