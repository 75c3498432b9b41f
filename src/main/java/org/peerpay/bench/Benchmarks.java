package org.peerpay.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.io.PrintWriter;
import org.peerpay.budgets.Budgets;
import org.peerpay.money.Gbp;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.payroll.PayRuns;
import org.peerpay.statutory.HolidayMethod;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.statutory.Paye;
import org.peerpay.statutory.PayslipCalculator;
import org.peerpay.statutory.PayslipInput;
import org.peerpay.statutory.PensionBasis;
import org.peerpay.statutory.PensionMembership;
import org.peerpay.statutory.TaxCode;
import org.peerpay.statutory.TaxYear;
import org.peerpay.statutory.TaxYears;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.TimesheetImporter;
import org.springframework.stereotype.Service;

/**
 * The benchmarks: each builds what it measures on a synthetic council, times it and prints the figures. Run them on
 * a data directory of their own ({@code PEERPAY_DATA_DIR=/tmp/peerpay-bench}).
 */
@Service
public class Benchmarks {

    private final SyntheticCouncils councils;
    private final TimesheetImporter importer;
    private final Budgets budgets;
    private final PayRuns payRuns;
    private final TaxYears taxYears;

    Benchmarks(SyntheticCouncils councils, TimesheetImporter importer, Budgets budgets, PayRuns payRuns,
               TaxYears taxYears) {
        this.councils = councils;
        this.importer = importer;
        this.budgets = budgets;
        this.payRuns = payRuns;
        this.taxYears = taxYears;
    }

    /**
     * Writes a file of {@code rows} valid shifts for a council of {@code employments} and times its import; then
     * two duplicate-heavy files of as many rows: the same shifts again (every row a duplicate of an earlier import)
     * and new shifts each written twice (half the rows duplicates within the file).
     */
    public void timesheetImport(int rows, int employments, PrintWriter out) {
        long t0 = System.nanoTime();
        SyntheticCouncil council = councils.load(employments);
        LocalDate asOf = council.asOf();
        Path dir = councils.directory();
        out.printf("synthetic council: %,d service users, %,d mentors, %,d employments (%s)%n",
                council.serviceUsers(), council.mentors(), employments, Elapsed.since(t0));
        Path valid = dir.resolve("synthetic-timesheets.csv");
        int earliest = council.writeTimesheets(valid, rows, runId(), 1, 1);
        timeImport("valid shifts", valid, asOf, dir, out);
        Path again = dir.resolve("synthetic-timesheets-again.csv");
        council.writeTimesheets(again, rows, runId(), 1, 1);
        timeImport("the same shifts again", again, asOf, dir, out);
        Path twice = dir.resolve("synthetic-timesheets-twice.csv");
        council.writeTimesheets(twice, rows, runId(), earliest + 1, 2);
        timeImport("new shifts, each twice", twice, asOf, dir, out);
    }

    private static String runId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private void timeImport(String what, Path file, LocalDate asOf, Path dir, PrintWriter out) {
        long started = System.nanoTime();
        ImportResult result = importer.importFile(file, asOf, dir);
        Elapsed took = Elapsed.since(started);
        out.printf("import of %s (%,d bytes): %,d rows read, %,d accepted, %,d rejected (%,d duplicates), %,d below"
                        + " floor in %s = %,d rows/s (max heap %,d MiB)%n", what, file.toFile().length(),
                result.rowsRead(), result.accepted(), result.rejectedTotal(), result.duplicates(),
                result.belowFloor(), took, took.perSecond(result.rowsRead()), Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
    }

    /** The median time of one payslip's statutory calculations over {@code payslips} varied payslips. */
    public void statutory(String taxYear, int payslips, int rounds, PrintWriter out) {
        TaxYear year = taxYears.get(taxYear);
        PayslipCalculator calculator = new PayslipCalculator(year);
        PayslipInput[] inputs = syntheticPayslips(year, payslips);
        long sink = 0;
        for (int warm = 0; warm < 10; warm++) {
            sink += round(calculator, inputs);
        }
        long[] roundNanos = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            sink += round(calculator, inputs);
            roundNanos[r] = System.nanoTime() - t0;
        }
        Arrays.sort(roundNanos);
        out.printf("statutory calculations for one payslip, %,d payslips x %d rounds:"
                + " median %s (best %s, worst %s) [checksum %d]%n", inputs.length, rounds,
                new Elapsed(roundNanos[rounds / 2]).microsEach(inputs.length),
                new Elapsed(roundNanos[0]).microsEach(inputs.length),
                new Elapsed(roundNanos[rounds - 1]).microsEach(inputs.length), sink);
    }

    private static long round(PayslipCalculator calculator, PayslipInput[] inputs) {
        long pence = 0;
        for (PayslipInput input : inputs) {
            pence += calculator.calculate(input).netPay().unscaledValue().longValue();
        }
        return pence;
    }

    /** Payslips across codes, regions, frequencies, periods, pay and pension states, from a fixed seed. */
    public static PayslipInput[] syntheticPayslips(TaxYear year, int count) {
        Random random = new Random(42);
        Paye paye = new Paye(year);
        String[] codes = {"1257L", "S1257L", "C1257L", "BR", "K475", "0T", "1257L M1", "SD0", "NT", "1100L"};
        PayFrequency[] frequencies = PayFrequency.values();
        PensionMembership[] memberships = PensionMembership.values();
        PayslipInput[] inputs = new PayslipInput[count];
        for (int i = 0; i < count; i++) {
            PayFrequency frequency = frequencies[random.nextInt(frequencies.length)];
            int period = 1 + random.nextInt(frequency.periodsPerYear());
            int maxHours = switch (frequency) {
                case WEEKLY -> 20;
                case TWO_WEEKLY -> 40;
                case FOUR_WEEKLY -> 80;
                case MONTHLY -> 87;
            };
            int minutes = 60 + random.nextInt(maxHours * 60);
            BigDecimal pay = BigDecimal.valueOf(minutes * 1438L / 60, 2);
            TaxCode code = TaxCode.parse(codes[random.nextInt(codes.length)]);
            BigDecimal before = pay.multiply(BigDecimal.valueOf(period - 1));
            BigDecimal taxBefore = period == 1 ? BigDecimal.ZERO
                    : paye.calculate(frequency, period - 1, code, false, pay, pay.multiply(BigDecimal.valueOf(
                            period - 2)), BigDecimal.ZERO).taxToDate();
            inputs[i] = new PayslipInput(frequency, period, LocalDate.of(2026, 11, 13), pay, minutes,
                    HolidayMethod.values()[random.nextInt(3)], code, false, random.nextInt(10) == 0 ? 'C' : 'A',
                    LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1),
                    memberships[random.nextInt(memberships.length)], PensionBasis.RELIEF_AT_SOURCE, before,
                    taxBefore);
        }
        return inputs;
    }

    /** Pays one four-weekly period of {@code lines} shifts over {@code employments}, timed by step. */
    public void payroll(int employments, int lines, PrintWriter out) {
        long t0 = System.nanoTime();
        SyntheticCouncil council = councils.load(employments);
        PayPeriod period = PayPeriod.containing(PayFrequency.FOUR_WEEKLY, council.asOf()).previous();
        budgets.postFunding(council.asOf());
        Path shifts = councils.directory().resolve("synthetic-period.csv");
        council.writeShifts(shifts, period.start(), 28, Math.max(1, lines / employments));
        ImportResult imported = importer.importFile(shifts, council.asOf(), councils.directory());
        out.printf("synthetic council: %,d employments, %,d accepted shifts in %s (%s)%n", employments,
                imported.accepted(), period.id(), Elapsed.since(t0));
        long t1 = System.nanoTime();
        PayRuns.Summary summary = payRuns.pay(period);
        Elapsed total = Elapsed.since(t1);
        Map<String, Elapsed> steps = new LinkedHashMap<>();
        summary.stepTimes().forEach((step, took) -> steps.put(step, Elapsed.ofMillis(took.toMillis())));
        Elapsed pdfs = steps.getOrDefault("writePayslipPdfsStep", new Elapsed(0));
        out.printf("pay run: %,d payslips, gross %s, employer cost %s in %s%n", summary.payslips(),
                Gbp.format(summary.gross()), Gbp.format(summary.employerCost()),
                total);
        steps.forEach((step, took) -> out.printf("  %-24s %9s%n", step, took));
        out.printf("pay run without the PDFs: %s; payslip PDFs: %,d in %s = %,d a second (max heap %,d MiB)%n",
                total.minus(pdfs), summary.payslips(), pdfs, pdfs.perSecond(summary.payslips()),
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
