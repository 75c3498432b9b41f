package org.peerpay.filing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EXSLT date functions HMRC's business-rule stylesheet calls ({@code date:date}, {@code date:seconds},
 * {@code date:add}) for Xalan-J, which lacks {@code seconds} and {@code add}: {@link RtiValidator} binds the
 * stylesheet's {@code date} prefix here. Dates are days in UTC, as the rules compare them in whole days; what EXSLT
 * calls not-a-number stays NaN, and so fails the rule that asked, as it would at HMRC.
 */
public final class RtiDates {

    private static final Pattern DATE = Pattern.compile("(-?\\d{4,}-\\d{2}-\\d{2})(Z|[+-]\\d{2}:\\d{2})?");

    private RtiDates() {
    }

    /** Today, as {@code 2026-12-02Z}. */
    public static String date() {
        return LocalDate.now(ZoneOffset.UTC) + "Z";
    }

    /**
     * Seconds from 1970-01-01T00:00:00Z to the start of the date or to the date-time, as the text of a whole
     * number (the stylesheet's arithmetic reads it as an XPath number); {@code NaN} for anything else.
     */
    public static String seconds(String text) {
        String value = text.strip();
        Matcher date = DATE.matcher(value);
        try {
            if (date.matches()) {
                ZoneOffset offset = date.group(2) == null ? ZoneOffset.UTC : ZoneOffset.of(date.group(2));
                return String.valueOf(LocalDate.parse(date.group(1)).atStartOfDay().toEpochSecond(offset));
            }
            return String.valueOf(OffsetDateTime.parse(value.endsWith("Z") || value.matches(".*[+-]\\d{2}:\\d{2}$")
                    ? value : value + "Z").toEpochSecond());
        } catch (java.time.DateTimeException e) {
            return "NaN";
        }
    }

    /** The date moved by a duration in years, months and days ({@code P30D}, {@code -P130Y}); empty if unreadable. */
    public static String add(String dateText, String durationText) {
        Matcher date = DATE.matcher(dateText.strip());
        try {
            if (!date.matches()) {
                return "";
            }
            String duration = durationText.strip();
            boolean negative = duration.startsWith("-");
            Period period = Period.parse(negative ? duration.substring(1) : duration);
            LocalDate moved = LocalDate.parse(date.group(1)).plus(negative ? period.negated() : period);
            return moved + (date.group(2) == null ? "" : date.group(2));
        } catch (DateTimeParseException e) {
            return "";
        }
    }
}
