package org.peerpay.operations;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.csv.CsvInput;
import org.peerpay.csv.CsvOutput;
import org.peerpay.csv.FileInspection;
import org.peerpay.csv.Header;
import org.peerpay.statutory.NationalInsurance;
import org.peerpay.statutory.NicResult;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.statutory.TaxYear;
import org.peerpay.statutory.TaxYears;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "calc", description = "Run the statutory calculators over a file of cases, to check them against"
        + " HMRC's examples.", subcommands = CalcCommand.Nic.class)
class CalcCommand {

    @Command(name = "nic", mixinStandardHelpOptions = true,
            description = "Class 1 National Insurance. Input columns: tax_year, frequency, period, category,"
                    + " gross_pay_this_period (others are carried through). Output: every input column plus"
                    + " employee_nic and employer_nic. A bad row stops the run with its row and field, and no"
                    + " output file is left.")
    static class Nic implements Callable<Integer> {

        static final List<String> COLUMNS = List.of("tax_year", "frequency", "period", "category",
                "gross_pay_this_period");

        @Spec
        CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "CSV")
        Path input;

        @Option(names = "--output", required = true, paramLabel = "CSV")
        Path output;

        private final TaxYears taxYears;

        Nic(TaxYears taxYears) {
            this.taxYears = taxYears;
        }

        @Override
        public Integer call() {
            if (!Files.isRegularFile(input)) {
                throw new CsvFileRefusedException(input + " does not exist or is not a file.");
            }
            List<String> problems = new ArrayList<>();
            int rows = 0;
            try (CsvInput in = CsvInput.open(FileInspection.of(input))) {
                Header header = in.header().require(COLUMNS);
                String[] outHeader = Stream.concat(header.asWritten().stream(), Stream.of("employee_nic",
                        "employer_nic")).toArray(String[]::new);
                try (CsvOutput out = CsvOutput.create(output, outHeader)) {
                    for (String[] cells; (cells = in.next()) != null; ) {
                        if (cells.length == 1 && cells[0].isBlank()) {
                            continue;
                        }
                        rows++;
                        NicResult result = calculate(header, cells, in.rowNumber(), problems);
                        if (result != null) {
                            Object[] row = Arrays.copyOf(cells, cells.length + 2, Object[].class);
                            row[cells.length] = result.employee();
                            row[cells.length + 1] = result.employer();
                            out.row(row);
                        }
                    }
                    if (problems.isEmpty()) {
                        out.commit();
                    }
                }
            } catch (CsvInput.MalformedRecordException e) {
                problems.add(input.getFileName() + " " + e.getMessage());
            }
            if (!problems.isEmpty()) {
                throw new CsvFileRefusedException(input.getFileName() + ": " + problems.size() + " bad row(s); no"
                        + " output was written. Correct these and run again:\n  "
                        + String.join("\n  ", problems.stream().limit(25).toList()));
            }
            spec.commandLine().getOut().printf("%d case(s) calculated: %s%n", rows, output);
            return 0;
        }

        private NicResult calculate(Header header, String[] cells, long row, List<String> problems) {
            String where = input.getFileName() + " row " + row + ", column ";
            try {
                TaxYear year = field(where, "tax_year", () -> taxYears.get(cell(header, cells, "tax_year")));
                PayFrequency frequency = field(where, "frequency",
                        () -> PayFrequency.of(cell(header, cells, "frequency")));
                field(where, "period", () -> period(cell(header, cells, "period"), frequency));
                char category = field(where, "category", () -> category(cell(header, cells, "category"), year));
                BigDecimal gross = field(where, "gross_pay_this_period",
                        () -> money(cell(header, cells, "gross_pay_this_period")));
                return new NationalInsurance(year).calculate(frequency, category, gross);
            } catch (IllegalArgumentException problem) {
                problems.add(problem.getMessage());
                return null;
            }
        }

        private static String cell(Header header, String[] cells, String column) {
            int at = header.indexOf(column);
            return at < cells.length ? cells[at].strip() : "";
        }

        private static int period(String text, PayFrequency frequency) {
            int period = Integer.parseInt(text);
            if (period < 1 || period > frequency.periodsPerYear()) {
                throw new IllegalArgumentException("must be 1 to " + frequency.periodsPerYear() + " for "
                        + frequency.word() + " pay (was " + period + ")");
            }
            return period;
        }

        private static char category(String text, TaxYear year) {
            if (text.length() != 1) {
                throw new IllegalArgumentException("is not an NI category letter (was '" + text + "')");
            }
            year.niRates(text.charAt(0));
            return Character.toUpperCase(text.charAt(0));
        }

        private static BigDecimal money(String text) {
            BigDecimal amount = new BigDecimal(text);
            if (amount.scale() > 2 || amount.signum() < 0) {
                throw new IllegalArgumentException("must be pounds and pence, not negative (was '" + text + "')");
            }
            return amount;
        }

        private interface Parse<T> {
            T parse();
        }

        /** Runs a parse, turning any failure into a message naming the row and the field. */
        private static <T> T field(String where, String column, Parse<T> parse) {
            try {
                return parse.parse();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + column + ": is not a number");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + column + ": " + e.getMessage());
            }
        }
    }
}
