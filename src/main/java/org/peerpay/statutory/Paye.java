package org.peerpay.statutory;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * PAYE income tax by HMRC's tax table routines (cumulative, and week 1 / month 1).
 *
 * <p>Two-weekly and four-weekly pay are worked on the weekly tables: period n is tax week 2n or 4n, and on the
 * week 1 basis the week 1 figures are doubled or quadrupled. A period past the 52nd week (week 53, or the 27th
 * two-weekly or 14th four-weekly period) is always taxed on the week 1 basis, as HMRC requires.
 */
public final class Paye {

    private static final int WEEKS = 52;
    private static final int MONTHS = 12;
    private static final BigDecimal QUOTIENT_ALLOWANCE = BigDecimal.valueOf(5000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final TaxYear year;

    public Paye(TaxYear year) {
        this.year = year;
    }

    /**
     * One period's tax.
     *
     * @param period the tax period (1 to 52, or 53 for a week 53; two-weekly 1 to 27; four-weekly 1 to 14;
     *     monthly 1 to 12)
     * @param week1Month1 true to operate the code on the week 1 / month 1 basis whatever its suffix
     * @param payThisPeriod taxable pay of this period, in pounds
     * @param taxablePayBefore taxable pay of this employment earlier in the tax year
     * @param taxPaidBefore tax deducted (net of refunds) earlier in the tax year
     */
    public PayeResult calculate(PayFrequency frequency, int period, TaxCode code, boolean week1Month1,
            BigDecimal payThisPeriod, BigDecimal taxablePayBefore, BigDecimal taxPaidBefore) {
        int last = lastPeriod(frequency);
        if (period < 1 || period > last) {
            throw new IllegalArgumentException("period must be 1 to " + last + " for " + frequency.word()
                    + " pay (was " + period + ")");
        }
        int periods = frequency == PayFrequency.MONTHLY ? MONTHS : WEEKS;
        int weeksPerPeriod = switch (frequency) {
            case WEEKLY, MONTHLY -> 1;
            case TWO_WEEKLY -> 2;
            case FOUR_WEEKLY -> 4;
        };
        boolean cumulative = !code.nonCumulative() && !week1Month1 && period * weeksPerPeriod <= periods;
        int n = cumulative ? period * weeksPerPeriod : weeksPerPeriod;
        BigDecimal pay = cumulative ? taxablePayBefore.add(payThisPeriod) : payThisPeriod;
        TaxBands bands = year.taxBands(code.region());

        BigDecimal taxDue = switch (code.kind()) {
            case NO_TAX -> BigDecimal.ZERO.setScale(2);
            case BASIC_RATE -> flatRate(pay, bands.rateOf(bands.basicBand()));
            case HIGHER_RATE -> {
                int band = bands.basicBand() + 1 + code.number();
                if (band >= bands.size()) {
                    throw new IllegalArgumentException("there is no D" + code.number() + " rate for "
                            + code.region().key() + " in tax year " + year.id());
                }
                yield flatRate(pay, bands.rateOf(band));
            }
            case ALLOWANCE -> bands.tax(wholePounds(pay.subtract(freePay(code.number(), n, periods))
                    .max(BigDecimal.ZERO)), n, periods);
            case K -> bands.tax(wholePounds(pay.add(freePay(code.number(), n, periods))), n, periods);
        };
        BigDecimal tax = cumulative ? taxDue.subtract(taxPaidBefore) : taxDue;
        boolean limited = false;
        if (code.kind() == TaxCode.Kind.K) {
            BigDecimal limit = payThisPeriod.multiply(year.regulatoryLimitPercent()).divide(HUNDRED, 2,
                    RoundingMode.DOWN);
            if (tax.compareTo(limit) > 0) {
                tax = limit;
                limited = true;
            }
        }
        return new PayeResult(tax, taxPaidBefore.add(tax), limited);
    }

    /** The last tax period of a year paid at this frequency, counting a week 53 (54, 56) payment. */
    public static int lastPeriod(PayFrequency frequency) {
        return frequency == PayFrequency.MONTHLY ? MONTHS : frequency.periodsPerYear() + 1;
    }

    /**
     * Tax-free pay (or, for a K code, additional pay) to the end of week or month n, by HMRC's pay adjustment
     * tables: the code is split into a quotient of 500s and a remainder of 1 to 500; the remainder's annual value
     * (remainder × 10 + 9 pounds) is divided over the year rounded up to the penny, and each 500 of quotient adds
     * £5,000 divided over the year rounded up to the penny (£96.16 a week, £416.67 a month).
     */
    static BigDecimal freePay(int codeNumber, int n, int periods) {
        if (codeNumber == 0) {
            return BigDecimal.ZERO;
        }
        int quotient = (codeNumber - 1) / 500;
        int remainder = codeNumber - quotient * 500;
        BigDecimal divisor = BigDecimal.valueOf(periods);
        BigDecimal perPeriod = BigDecimal.valueOf(remainder * 10L + 9).divide(divisor, 2, RoundingMode.CEILING)
                .add(QUOTIENT_ALLOWANCE.divide(divisor, 2, RoundingMode.CEILING).multiply(BigDecimal.valueOf(quotient)));
        return perPeriod.multiply(BigDecimal.valueOf(n));
    }

    /** HMRC: taxable pay is taken in whole pounds, rounded down. */
    private static BigDecimal wholePounds(BigDecimal pay) {
        return pay.setScale(0, RoundingMode.FLOOR);
    }

    /** BR and D codes: whole pounds of pay at one rate, tax rounded down to the penny. */
    private static BigDecimal flatRate(BigDecimal pay, BigDecimal rate) {
        return wholePounds(pay.max(BigDecimal.ZERO)).multiply(rate).setScale(2, RoundingMode.DOWN);
    }
}
