package org.peerpay.calendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.peerpay.statutory.PayFrequency;

/**
 * One pay period of a tax-year-aligned pay calendar, such as {@code 2026-27/4W08} (19 October to 15 November 2026).
 * Tax years start on 6 April. Weekly, two-weekly and four-weekly periods are counted in whole weeks from that day
 * (the last, week 53 or its like, is the day or two left before the next 6 April); monthly periods run from the
 * 6th of one month to the 5th of the next.
 *
 * @param taxYearStart the first year of the tax year: 2026 for 2026-27
 */
public record PayPeriod(int taxYearStart, PayFrequency frequency, int number) implements Comparable<PayPeriod> {

    private static final Pattern ID = Pattern.compile("(\\d{4})-(\\d{2})/(W|2W|4W|M)(\\d{2})");

    public PayPeriod {
        int last = lastNumber(frequency);
        if (number < 1 || number > last) {
            throw new IllegalArgumentException(code(frequency) + " periods of a tax year are numbered 1 to " + last
                    + " (was " + number + ")");
        }
    }

    /** Reads an id like {@code 2026-27/4W08}, {@code 2026-27/M07}, {@code 2026-27/W32} or {@code 2026-27/2W16}. */
    public static PayPeriod parse(String id) {
        Matcher m = ID.matcher(id.strip().toUpperCase(Locale.ROOT));
        if (!m.matches() || (Integer.parseInt(m.group(1)) + 1) % 100 != Integer.parseInt(m.group(2))) {
            throw new IllegalArgumentException("'" + id + "' is not a pay period: write it like 2026-27/4W08"
                    + " (four-weekly period 8 of 2026/27), 2026-27/M07, 2026-27/W32 or 2026-27/2W16");
        }
        PayFrequency frequency = switch (m.group(3)) {
            case "W" -> PayFrequency.WEEKLY;
            case "2W" -> PayFrequency.TWO_WEEKLY;
            case "4W" -> PayFrequency.FOUR_WEEKLY;
            default -> PayFrequency.MONTHLY;
        };
        return new PayPeriod(Integer.parseInt(m.group(1)), frequency, Integer.parseInt(m.group(4)));
    }

    /** The period of a frequency that holds a date. */
    public static PayPeriod containing(PayFrequency frequency, LocalDate date) {
        int year = taxYearOf(date);
        LocalDate start = LocalDate.of(year, 4, 6);
        int number = frequency == PayFrequency.MONTHLY
                ? (int) ChronoUnit.MONTHS.between(start, date) + 1
                : (int) (ChronoUnit.DAYS.between(start, date) / (7L * weeks(frequency))) + 1;
        return new PayPeriod(year, frequency, number);
    }

    /** The tax year (by its first year) that holds a date: 6 April to 5 April. */
    public static int taxYearOf(LocalDate date) {
        return date.isBefore(LocalDate.of(date.getYear(), 4, 6)) ? date.getYear() - 1 : date.getYear();
    }

    public String id() {
        return taxYear() + "/" + code(frequency) + String.format("%02d", number);
    }

    /** Like {@code 2026-27}. */
    public String taxYear() {
        return taxYearStart + "-" + String.format("%02d", (taxYearStart + 1) % 100);
    }

    public LocalDate start() {
        LocalDate yearStart = LocalDate.of(taxYearStart, 4, 6);
        return frequency == PayFrequency.MONTHLY ? yearStart.plusMonths(number - 1L)
                : yearStart.plusWeeks((long) weeks(frequency) * (number - 1));
    }

    public LocalDate end() {
        LocalDate nextYear = LocalDate.of(taxYearStart + 1, 4, 6);
        LocalDate next = frequency == PayFrequency.MONTHLY ? start().plusMonths(1) : start().plusWeeks(weeks(frequency));
        return (next.isAfter(nextYear) ? nextYear : next).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** Weeks in the period (for planned hours): days ÷ 7; a monthly period counts 52 ÷ 12, to 4 decimal places. */
    public BigDecimal weeks() {
        return frequency == PayFrequency.MONTHLY
                ? BigDecimal.valueOf(52).divide(BigDecimal.valueOf(12), 4, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(ChronoUnit.DAYS.between(start(), end()) + 1).divide(BigDecimal.valueOf(7), 4,
                        RoundingMode.HALF_UP);
    }

    public PayPeriod previous() {
        return number > 1 ? new PayPeriod(taxYearStart, frequency, number - 1)
                : new PayPeriod(taxYearStart - 1, frequency, lastNumber(frequency));
    }

    public PayPeriod next() {
        return number < lastNumber(frequency) ? new PayPeriod(taxYearStart, frequency, number + 1)
                : new PayPeriod(taxYearStart + 1, frequency, 1);
    }

    @Override
    public int compareTo(PayPeriod other) {
        return start().compareTo(other.start());
    }

    @Override
    public String toString() {
        return id();
    }

    private static int weeks(PayFrequency frequency) {
        return switch (frequency) {
            case WEEKLY, MONTHLY -> 1;
            case TWO_WEEKLY -> 2;
            case FOUR_WEEKLY -> 4;
        };
    }

    private static int lastNumber(PayFrequency frequency) {
        return frequency == PayFrequency.MONTHLY ? 12 : frequency.periodsPerYear() + 1;
    }

    private static String code(PayFrequency frequency) {
        return switch (frequency) {
            case WEEKLY -> "W";
            case TWO_WEEKLY -> "2W";
            case FOUR_WEEKLY -> "4W";
            case MONTHLY -> "M";
        };
    }
}
