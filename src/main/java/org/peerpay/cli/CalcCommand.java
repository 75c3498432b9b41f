package org.peerpay.cli;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.csv.CsvInput;
import org.peerpay.csv.CsvOutput;
import org.peerpay.csv.FileInspection;
import org.peerpay.csv.Header;
import org.peerpay.statutory.NationalInsurance;
import org.peerpay.statutory.NicResult;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.statutory.Paye;
import org.peerpay.statutory.PayeResult;
import org.peerpay.statutory.TaxCode;
import org.peerpay.statutory.TaxYear;
import org.peerpay.statutory.TaxYears;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "calc", description = "Run the statutory calculators over a file of cases, to check them against"
        + " HMRC's examples.", subcommands = {CalcCommand.PayeCalc.class, CalcCommand.NicCalc.class})
class CalcCommand {

    @Command(name = "paye", mixinStandardHelpOptions = true,
            description = "PAYE income tax. Input columns: tax_year, frequency, period, tax_code, week1_month1,"
                    + " gross_pay_this_period, taxable_pay_to_date_before_this_period,"
                    + " tax_paid_to_date_before_this_period (others are carried through). Output: every input column"
                    + " plus tax_this_period (negative for a refund) and tax_to_date. A bad row stops the run with its"
                    + " row and field, and no output file is left.")
    static class PayeCalc extends Calculation {

        PayeCalc() {
            super(List.of("tax_year", "frequency", "period", "tax_code", "week1_month1",
                    "gross_pay_this_period", "taxable_pay_to_date_before_this_period",
                    "tax_paid_to_date_before_this_period"), List.of("tax_this_period", "tax_to_date"));
        }

        @Override
        List<Object> calculate(Row row) {
            TaxYear year = row.field("tax_year", taxYears::get);
            PayFrequency frequency = row.field("frequency", PayFrequency::of);
            int period = row.field("period", text -> period(text, Paye.lastPeriod(frequency), frequency));
            TaxCode code = row.field("tax_code", TaxCode::parse);
            boolean week1Month1 = row.field("week1_month1", Calculation::trueOrFalse);
            BigDecimal pay = row.field("gross_pay_this_period", Calculation::money);
            BigDecimal payBefore = row.field("taxable_pay_to_date_before_this_period", Calculation::money);
            BigDecimal taxBefore = row.field("tax_paid_to_date_before_this_period", Calculation::money);
            PayeResult result = row.field("tax_code", text -> new Paye(year).calculate(frequency, period, code,
                    week1Month1, pay, payBefore, taxBefore));
            return List.of(result.taxThisPeriod(), result.taxToDate());
        }
    }

    @Command(name = "nic", mixinStandardHelpOptions = true,
            description = "Class 1 National Insurance. Input columns: tax_year, frequency, period, category,"
                    + " gross_pay_this_period (others are carried through). Output: every input column plus"
                    + " employee_nic and employer_nic. A bad row stops the run with its row and field, and no"
                    + " output file is left.")
    static class NicCalc extends Calculation {

        NicCalc() {
            super(List.of("tax_year", "frequency", "period", "category", "gross_pay_this_period"),
                    List.of("employee_nic", "employer_nic"));
        }

        @Override
        List<Object> calculate(Row row) {
            TaxYear year = row.field("tax_year", taxYears::get);
            PayFrequency frequency = row.field("frequency", PayFrequency::of);
            row.field("period", text -> period(text, frequency.periodsPerYear(), frequency));
            char category = row.field("category", text -> category(text, year));
            BigDecimal gross = row.field("gross_pay_this_period", Calculation::money);
            NicResult result = new NationalInsurance(year).calculate(frequency, category, gross);
            return List.of(result.employee(), result.employer());
        }

        private static char category(String text, TaxYear year) {
            if (text.length() != 1) {
                throw new IllegalArgumentException("is not an NI category letter (was '" + text + "')");
            }
            year.niRates(text.charAt(0));
            return Character.toUpperCase(text.charAt(0));
        }
    }

    /** Reads a file of cases row by row, adds the calculated columns, and writes all or nothing. */
    abstract static class Calculation extends CliCommand {

        @Option(names = "--input", required = true, paramLabel = "CSV")
        Path input;

        @Option(names = "--output", required = true, paramLabel = "CSV")
        Path output;

        TaxYears taxYears;
        private final List<String> columns;
        private final List<String> results;

        Calculation(List<String> columns, List<String> results) {
            this.columns = columns;
            this.results = results;
        }

        /** The calculated values of one row, in the order of the result columns. */
        abstract List<Object> calculate(Row row);

        @Override
        public Integer call() {
            if (!Files.isRegularFile(input)) {
                throw new CsvFileRefusedException(input + " does not exist or is not a file.");
            }
            taxYears = bean(TaxYears.class);
            List<String> problems = new ArrayList<>();
            int rows = 0;
            try (CsvInput in = CsvInput.open(FileInspection.of(input))) {
                Header header = in.header().require(columns);
                String[] outHeader = Stream.concat(header.asWritten().stream(), results.stream())
                        .toArray(String[]::new);
                try (CsvOutput out = CsvOutput.create(output, outHeader)) {
                    while (true) {
                        String[] cells;
                        try {
                            cells = in.next();
                        } catch (CsvInput.MalformedRecordException e) {
                            problems.add(input.getFileName() + " " + e.getMessage());
                            continue;
                        }
                        if (cells == null) {
                            break;
                        }
                        if (cells.length == 1 && cells[0].isBlank()) {
                            continue;
                        }
                        rows++;
                        try {
                            List<Object> row = new ArrayList<>(List.of((Object[]) cells));
                            row.addAll(calculate(new Row(header, cells, input.getFileName() + " row "
                                    + in.rowNumber() + ", column ")));
                            out.row(row.toArray());
                        } catch (IllegalArgumentException problem) {
                            problems.add(problem.getMessage());
                        }
                    }
                    if (problems.isEmpty()) {
                        out.commit();
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new CsvFileRefusedException(input.getFileName() + ": " + problems.size() + " bad row(s); no"
                        + " output was written. Correct these and run again:\n  "
                        + String.join("\n  ", problems.stream().limit(25).toList()));
            }
            out().printf("%d case(s) calculated: %s%n", rows, output);
            return 0;
        }

        static int period(String text, int last, PayFrequency frequency) {
            int period = Integer.parseInt(text);
            if (period < 1 || period > last) {
                throw new IllegalArgumentException("must be 1 to " + last + " for " + frequency.word()
                        + " pay (was " + period + ")");
            }
            return period;
        }

        static BigDecimal money(String text) {
            BigDecimal amount = new BigDecimal(text);
            if (amount.scale() > 2 || amount.signum() < 0) {
                throw new IllegalArgumentException("must be pounds and pence, not negative (was '" + text + "')");
            }
            return amount;
        }

        static boolean trueOrFalse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("must be true or false (was '" + text + "')");
            };
        }
    }

    /** One row's cells, read by column name; a failure to read names the row and the column. */
    record Row(Header header, String[] cells, String where) {

        interface Parse<T> {
            T parse(String text);
        }

        <T> T field(String column, Parse<T> parse) {
            int at = header.indexOf(column);
            String text = at < cells.length ? cells[at].strip() : "";
            try {
                return parse.parse(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + column + ": is not a number (was '" + text + "')");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + column + ": " + e.getMessage());
            }
        }
    }
}
