package org.peerpay.statutory;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PAYE tax code as HMRC issues it: an optional region prefix ({@code S}, {@code C}), the code itself
 * ({@code 1257L}, {@code K475}, {@code BR}, {@code D0}, {@code NT}, {@code 0T}...) and an optional week 1 / month 1
 * marker ({@code W1}, {@code M1} or {@code X}).
 *
 * @param number the code's number: tens of pounds of allowance (suffix codes) or of additional pay (K codes), or
 *     the D code's digit; 0 for BR and NT
 */
public record TaxCode(TaxRegion region, Kind kind, int number, boolean nonCumulative) {

    /** How a code is operated. */
    public enum Kind {
        /** A number and a suffix letter (L, M, N, T), {@code 0T} included: tax-free pay, then the bands. */
        ALLOWANCE,
        /** K and a number: the number is added to pay, then the bands, with the regulatory limit. */
        K,
        /** All pay at the basic rate. */
        BASIC_RATE,
        /** All pay at a rate above basic: D0 the first, D1 the next... */
        HIGHER_RATE,
        /** No tax. */
        NO_TAX
    }

    private static final Pattern CODE = Pattern.compile(
            "([SC])?(?:(NT)|(BR)|D(\\d)|K(\\d{1,5})|(\\d{1,5})[LMNT])(W1|M1|X)?");

    /** Reads a code; spaces and letter case are ignored ({@code "1257l m1"} is {@code 1257L M1}). */
    public static TaxCode parse(String text) {
        String code = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        Matcher m = CODE.matcher(code);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a tax code: expected one like 1257L, S1257L,"
                    + " C1257L, K475, BR, D0, D1, NT or 0T, optionally followed by W1, M1 or X");
        }
        TaxRegion region = m.group(1) == null ? TaxRegion.REST_OF_UK
                : m.group(1).equals("S") ? TaxRegion.SCOTLAND : TaxRegion.WALES;
        boolean nonCumulative = m.group(7) != null;
        if (m.group(2) != null) {
            return new TaxCode(region, Kind.NO_TAX, 0, nonCumulative);
        }
        if (m.group(3) != null) {
            return new TaxCode(region, Kind.BASIC_RATE, 0, nonCumulative);
        }
        if (m.group(4) != null) {
            return new TaxCode(region, Kind.HIGHER_RATE, Integer.parseInt(m.group(4)), nonCumulative);
        }
        if (m.group(5) != null) {
            return new TaxCode(region, Kind.K, Integer.parseInt(m.group(5)), nonCumulative);
        }
        return new TaxCode(region, Kind.ALLOWANCE, Integer.parseInt(m.group(6)), nonCumulative);
    }
}
