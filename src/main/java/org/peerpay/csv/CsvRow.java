package org.peerpay.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.peerpay.system.OutputPaths;

/**
 * One data row of a reference file, read cell by cell by column name. A cell that is missing or wrong is
 * recorded as a {@link CsvProblem} naming file, row and column, and the getter returns null; the caller checks
 * {@link #problems()} once the row is read.
 */
public final class CsvRow {

    /** Amounts beyond these are mistakes, not money (and would not fit the database's columns). */
    private static final BigDecimal MOST_MONEY = new BigDecimal("999999999.99");
    private static final BigDecimal MOST_RATE = new BigDecimal("999.9999");

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Header header;
    private final long rowNumber;
    private final String[] cells;
    private final List<CsvProblem> problems;

    CsvRow(Header header, long rowNumber, String[] cells, List<CsvProblem> problems) {
        this.header = header;
        this.rowNumber = rowNumber;
        this.cells = cells;
        this.problems = problems;
    }

    public long rowNumber() {
        return rowNumber;
    }

    /** The trimmed cell, or "" when the file has no such column or the cell is blank. */
    public String raw(String column) {
        int i = header.indexOf(column);
        return i < 0 || i >= cells.length ? "" : cells[i].strip();
    }

    public String text(String column) {
        String value = raw(column);
        if (value.isEmpty()) {
            problem(column, "is blank; it is required");
            return null;
        }
        return value;
    }

    /** A reference that names something (a service user, a mentor, an employment): see {@link OutputPaths#SAFE_REF}. */
    public String ref(String column) {
        String value = text(column);
        if (value != null && !OutputPaths.SAFE_REF.matcher(value).matches()) {
            problem(column, "'" + value + "' " + OutputPaths.SAFE_REF_RULE);
            return null;
        }
        return value;
    }

    public String optionalText(String column) {
        String value = raw(column);
        return value.isEmpty() ? null : value;
    }

    public LocalDate date(String column) {
        return required(column, CsvRow::parseDate, "is not a date: write it as yyyy-MM-dd or dd/MM/yyyy");
    }

    public LocalDate optionalDate(String column) {
        return raw(column).isEmpty() ? null : date(column);
    }

    /** An amount of money in pounds, at most two decimal places; a leading £ and thousands commas are allowed. */
    public BigDecimal pounds(String column) {
        BigDecimal amount = required(column, CsvRow::parseDecimal,
                "is not an amount of money: write pounds and pence, for example 1234.50");
        if (amount != null && amount.scale() > 2) {
            problem(column, "has more than two decimal places ('" + raw(column) + "'); give pounds and pence");
            return null;
        }
        if (amount != null && amount.abs().compareTo(MOST_MONEY) > 0) {
            problem(column, "is more than £999,999,999.99 ('" + raw(column) + "'): check the amount");
            return null;
        }
        return amount;
    }

    /** An hourly rate in pounds, at most four decimal places, above zero. */
    public BigDecimal hourlyRate(String column) {
        BigDecimal rate = required(column, CsvRow::parseDecimal, "is not an hourly rate, for example 14.38");
        if (rate != null && (rate.signum() <= 0 || rate.scale() > 4 || rate.compareTo(MOST_RATE) > 0)) {
            problem(column, "must be above zero and at most £999.99 an hour, with at most four decimal places (was '"
                    + raw(column) + "')");
            return null;
        }
        return rate;
    }

    public Integer wholeNumber(String column, int min, int max) {
        Integer value = required(column, Integer::valueOf, "is not a whole number");
        if (value != null && (value < min || value > max)) {
            problem(column, "must be between " + min + " and " + max + " (was " + value + ")");
            return null;
        }
        return value;
    }

    public Integer optionalWholeNumber(String column, int min, int max) {
        return raw(column).isEmpty() ? null : wholeNumber(column, min, max);
    }

    public Boolean yesNo(String column) {
        String value = raw(column).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> {
                problem(column, "must be true or false (was '" + raw(column) + "')");
                yield null;
            }
        };
    }

    /** One of a fixed set of words, compared case-insensitively and returned in lower case. */
    public String oneOf(String column, Set<String> allowed) {
        String value = raw(column).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            problem(column, "must be one of " + String.join(", ", allowed.stream().sorted().toList())
                    + " (was '" + raw(column) + "')");
            return null;
        }
        return value;
    }

    /** Records a problem with one cell of this row. */
    public void problem(String column, String message) {
        problems.add(new CsvProblem(header.fileName(), rowNumber, column, message));
    }

    /**
     * A date written yyyy-MM-dd or dd/MM/yyyy. The common shapes are read by hand (a million-row import reads a
     * million dates); anything else goes through the strict formatters, which reject it with a parse error.
     */
    public static LocalDate parseDate(String text) {
        if (text.length() == 10) {
            try {
                if (text.charAt(4) == '-' && text.charAt(7) == '-') {
                    return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
                }
                if (text.charAt(2) == '/' && text.charAt(5) == '/') {
                    return LocalDate.of(digits(text, 6, 10), digits(text, 3, 5), digits(text, 0, 2));
                }
            } catch (java.time.DateTimeException | NumberFormatException notADate) {
                // fall through to the formatter for its error
            }
        }
        return LocalDate.parse(text, text.indexOf('/') > 0 ? UK : ISO);
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static BigDecimal parseDecimal(String text) {
        String plain = text.startsWith("£") ? text.substring(1) : text;
        return new BigDecimal(plain.replace(",", ""));
    }

    private <T> T required(String column, Function<String, T> parser, String whenWrong) {
        String value = raw(column);
        if (value.isEmpty()) {
            problem(column, "is blank; it is required");
            return null;
        }
        try {
            return parser.apply(value);
        } catch (NumberFormatException | DateTimeParseException e) {
            problem(column, whenWrong + " (was '" + value + "')");
            return null;
        }
    }
}
