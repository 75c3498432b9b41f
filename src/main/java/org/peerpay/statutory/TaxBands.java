package org.peerpay.statutory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One region's income tax bands for a tax year (taxable pay above tax-free pay, cumulative limits), and each tax
 * period's share of them as HMRC's tax table routines take it.
 *
 * <p>A period's share of a band limit, and of the tax on the bands below it, is the annual figure times
 * {@code n / periods}, rounded down to four decimal places. Bands below the basic-rate band (Scotland's starter
 * band) are taken as their own figure and the bands from the basic rate upwards as one cumulative figure; HMRC's
 * Scottish test cases pin this down (for example S45L month 1, £3,164.24: £753.59, where one cumulative figure
 * would give £753.60).
 */
final class TaxBands {

    /** @param upTo the cumulative annual limit of taxable pay, or null for the top band */
    record Band(String name, BigDecimal ratePercent, BigDecimal upTo) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int WEEKS = 52;
    private static final int MONTHS = 12;

    private final List<Band> bands;
    private final int basic;
    private final BigDecimal[] rates;
    private final Share[] weeks = new Share[WEEKS + 1];
    private final Share[] months = new Share[MONTHS + 1];

    TaxBands(List<Band> bands, String where) {
        this.bands = List.copyOf(bands);
        this.basic = indexOf("basic", where);
        this.rates = bands.stream().map(b -> b.ratePercent().divide(HUNDRED)).toArray(BigDecimal[]::new);
        for (int i = 0; i < bands.size(); i++) {
            boolean top = i == bands.size() - 1;
            if (top != (bands.get(i).upTo() == null)) {
                throw new IllegalArgumentException(where + ": every band but the last needs 'upTo', the last none");
            }
        }
        for (int n = 1; n <= WEEKS; n++) {
            weeks[n] = share(n, WEEKS);
        }
        for (int n = 1; n <= MONTHS; n++) {
            months[n] = share(n, MONTHS);
        }
    }

    /** The rate of a band (0 the lowest), as a fraction. */
    BigDecimal rateOf(int bandIndex) {
        return rates[bandIndex];
    }

    int basicBand() {
        return basic;
    }

    int size() {
        return bands.size();
    }

    /**
     * Tax on whole pounds of taxable pay in tax week or month {@code n} of {@code periods} (52 or 12), rounded
     * down to the penny.
     */
    BigDecimal tax(BigDecimal taxablePounds, int n, int periods) {
        Share share = (periods == WEEKS ? weeks : months)[n];
        int band = 0;
        while (band < bands.size() - 1 && taxablePounds.compareTo(share.ceilLimit[band]) > 0) {
            band++;
        }
        BigDecimal limitBelow = band == 0 ? BigDecimal.ZERO : share.limit[band - 1];
        BigDecimal taxBelow = band == 0 ? BigDecimal.ZERO : share.taxBelow[band - 1];
        return taxBelow.add(taxablePounds.subtract(limitBelow).multiply(rates[band]))
                .setScale(2, RoundingMode.DOWN);
    }

    private int indexOf(String name, String where) {
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(where + ": there is no band named '" + name + "'");
    }

    /** A tax period's share of each band: limits, limits rounded up to the pound, tax on the bands so far. */
    private record Share(BigDecimal[] limit, BigDecimal[] ceilLimit, BigDecimal[] taxBelow) {
    }

    private Share share(int n, int periods) {
        int count = bands.size() - 1;
        BigDecimal[] limit = new BigDecimal[count];
        BigDecimal[] ceilLimit = new BigDecimal[count];
        BigDecimal[] taxBelow = new BigDecimal[count];
        BigDecimal belowBasicTax = BigDecimal.ZERO;
        BigDecimal fromBasicTax = BigDecimal.ZERO;
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            BigDecimal upTo = bands.get(i).upTo();
            BigDecimal bandTax = upTo.subtract(previous).multiply(rates[i]);
            previous = upTo;
            if (i < basic) {
                belowBasicTax = belowBasicTax.add(bandTax);
            } else {
                fromBasicTax = fromBasicTax.add(bandTax);
            }
            limit[i] = shareOf(upTo, n, periods);
            ceilLimit[i] = limit[i].setScale(0, RoundingMode.CEILING);
            taxBelow[i] = shareOf(belowBasicTax, n, periods).add(shareOf(fromBasicTax, n, periods));
        }
        return new Share(limit, ceilLimit, taxBelow);
    }

    private static BigDecimal shareOf(BigDecimal annual, int n, int periods) {
        return annual.multiply(BigDecimal.valueOf(n)).divide(BigDecimal.valueOf(periods), 4, RoundingMode.DOWN);
    }
}
