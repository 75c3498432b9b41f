package org.peerpay.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.peerpay.csv.CsvOutput;
import org.peerpay.operations.Nightly;
import org.peerpay.operations.NightlyRun;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.system.JobRuns;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.timesheets.CopyFloor;
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
    private final CopyFloor copyFloor;
    private final Nightly nightly;
    private final JobRuns jobRuns;
    private final PeerPayProperties properties;

    Benchmarks(SyntheticCouncils councils, TimesheetImporter importer, Budgets budgets, PayRuns payRuns,
               TaxYears taxYears, CopyFloor copyFloor, Nightly nightly, JobRuns jobRuns,
               PeerPayProperties properties) {
        this.copyFloor = copyFloor;
        this.nightly = nightly;
        this.jobRuns = jobRuns;
        this.properties = properties;
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

    /** One figure of {@code bench.csv}. */
    public record Measure(String measure, String value, String unit) {
    }

    /**
     * The whole benchmark on one synthetic council of {@code employments} (mixed pay frequencies, tax codes and NI
     * letters) and a timesheet file of {@code rows} shifts in the last ended period of each frequency: the floor
     * (PostgreSQL's COPY of that file, bare and shaped like timesheet lines), then one nightly run as the scheduler
     * runs it (reference data, the import, the pay run of each period, statements, RTI, payment files, the ledger
     * check), timed as a whole and by part, with the peak memory of each part. Prints a table and writes
     * {@code <out>/bench/bench.csv}.
     */
    public List<Measure> council(int rows, int employments, PrintWriter out) {
        List<Measure> measures = new ArrayList<>();
        try (ResourceSampler sampler = new ResourceSampler(properties.dataDir().resolve("pg/postmaster.pid"))) {
            long t0 = System.nanoTime();
            SyntheticCouncil council = councils.load(employments, true);
            Elapsed built = Elapsed.since(t0);
            out.printf("synthetic council: %,d service users, %,d mentors, %,d employments (mixed frequencies, codes"
                    + " and NI letters) loaded in %s%n", council.serviceUsers(), council.mentors(), employments, built);
            Path inbox = councils.directory().resolve("inbox");
            Path file = inbox.resolve("synthetic-" + rows + "-rows.csv");
            Set<PayPeriod> periods = council.writeLastPeriodShifts(file, rows);
            out.printf("timesheet file: %,d rows, %,d bytes, in %s%n", rows, file.toFile().length(),
                    periods.stream().map(PayPeriod::id).toList());
            out.flush();

            long c0 = System.nanoTime();
            long bare = copyFloor.bare(file);
            Elapsed bareTook = Elapsed.since(c0);
            long c1 = System.nanoTime();
            long shaped = copyFloor.shaped(file);
            Elapsed shapedTook = Elapsed.since(c1);
            ResourceSampler.Peaks copyPeaks = sampler.peaks(c0, System.nanoTime());

            Instant nightlyStarted = Instant.now();
            long n0 = System.nanoTime();
            Nightly.Report report = nightly.runIfFree(NightlyRun.Trigger.COMMAND, null,
                    new Nightly.Places(council.asOf(), inbox, councils.directory().resolve("reference"),
                            properties.outDir())).orElseThrow(() -> new IllegalStateException(
                            "another nightly run is going on on this database"));
            Elapsed nightlyTook = Elapsed.since(n0);
            long n1 = System.nanoTime();
            sampler.sample();

            List<JobRuns.JobRun> jobs = jobRuns.recent(200).stream()
                    .filter(run -> run.started() != null && run.ended() != null
                            && !run.started().atZone(ZoneId.systemDefault()).toInstant().isBefore(nightlyStarted))
                    .toList();
            JobRuns.JobRun importRun = jobs.stream().filter(run -> run.job().equals("timesheet import")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the nightly run imported nothing"));
            Elapsed importTook = took(importRun);
            int imported = report.imports().stream().mapToInt(ImportResult::rowsRead).sum();
            int accepted = report.imports().stream().mapToInt(ImportResult::accepted).sum();
            ResourceSampler.Peaks importPeaks = sampler.peaks(nanosOf(importRun.started(), nightlyStarted, n0),
                    nanosOf(importRun.ended(), nightlyStarted, n0));

            long calc = 0;
            long files = 0;
            long pdfs = 0;
            long payRunNanos = 0;
            int payslips = 0;
            long payFrom = Long.MAX_VALUE;
            long payTo = 0;
            Map<String, Duration> closeParts = new LinkedHashMap<>();
            for (PeriodClose.Closed closed : report.close().periods()) {
                PayRuns.Summary run = closed.run();
                out.printf("pay run of %s: %,d payslips; %s%n", run.period().id(), run.payslips(),
                        java.util.stream.Stream.concat(run.stepTimes().entrySet().stream()
                                        .filter(step -> !step.getKey().contains(":")), closed.times().entrySet().stream())
                                .map(step -> step.getKey() + " " + Elapsed.ofMillis(step.getValue().toMillis()))
                                .collect(java.util.stream.Collectors.joining(", ")));
                closed.times().forEach((part, took) -> closeParts.merge(part, took, Duration::plus));
                payslips += run.payslips();
                calc += nanos(run, "calculatePayslipsStep") + nanos(run, "reviewBudgetsStep");
                files += nanos(run, "writePayRunFilesStep");
                pdfs += nanos(run, "writePayslipPdfsStep");
            }
            for (JobRuns.JobRun run : jobs) {
                if (run.job().equals("pay run")) {
                    payRunNanos += took(run).nanos();
                    payFrom = Math.min(payFrom, nanosOf(run.started(), nightlyStarted, n0));
                    payTo = Math.max(payTo, nanosOf(run.ended(), nightlyStarted, n0));
                }
            }
            ResourceSampler.Peaks payPeaks = sampler.peaks(payFrom, payTo);
            ResourceSampler.Peaks nightlyPeaks = sampler.peaks(n0, n1);
            Elapsed rest = new Elapsed(nightlyTook.nanos() - importTook.nanos() - payRunNanos);

            long importRate = importTook.perSecond(imported);
            long bareRate = bareTook.perSecond(bare);
            long shapedRate = shapedTook.perSecond(shaped);
            measures.add(new Measure("rows", Long.toString(rows), "rows"));
            measures.add(new Measure("employments", Long.toString(employments), "employments"));
            measures.add(new Measure("council_load_s", built.seconds(), "s"));
            measures.add(new Measure("import_s", importTook.seconds(), "s"));
            measures.add(new Measure("import_rows_per_s", Long.toString(importRate), "rows/s"));
            measures.add(new Measure("copy_bare_s", bareTook.seconds(), "s"));
            measures.add(new Measure("copy_rows_per_s", Long.toString(bareRate), "rows/s"));
            measures.add(new Measure("copy_shaped_s", shapedTook.seconds(), "s"));
            measures.add(new Measure("copy_shaped_rows_per_s", Long.toString(shapedRate), "rows/s"));
            measures.add(new Measure("import_to_copy_ratio", ratio(importRate, bareRate), "x"));
            measures.add(new Measure("import_to_copy_shaped_ratio", ratio(importRate, shapedRate), "x"));
            measures.add(new Measure("payslips", Long.toString(payslips), "payslips"));
            measures.add(new Measure("payrun_calc_ledger_s", new Elapsed(calc).seconds(), "s"));
            measures.add(new Measure("payslips_per_s", Long.toString(new Elapsed(calc).perSecond(payslips)),
                    "payslips/s"));
            measures.add(new Measure("payrun_files_s", new Elapsed(files).seconds(), "s"));
            measures.add(new Measure("payslip_pdfs_s", new Elapsed(pdfs).seconds(), "s"));
            measures.add(new Measure("payslip_pdfs_per_s", Long.toString(new Elapsed(pdfs).perSecond(payslips)),
                    "payslips/s"));
            measures.add(new Measure("payrun_s", new Elapsed(payRunNanos).seconds(), "s"));
            report.close().times().forEach((part, took) -> closeParts.merge(part, took, Duration::plus));
            closeParts.forEach((part, took) -> measures.add(new Measure(part.replace(' ', '_') + "_s",
                    Elapsed.ofMillis(took.toMillis()).seconds(), "s")));
            measures.add(new Measure("close_and_rest_s", rest.seconds(), "s"));
            measures.add(new Measure("nightly_s", nightlyTook.seconds(), "s"));
            measures.add(new Measure("peak_heap_mb", Long.toString(nightlyPeaks.heapMb()), "MiB"));
            measures.add(new Measure("peak_live_heap_mb", Long.toString(nightlyPeaks.liveHeapMb()), "MiB"));
            peaks(measures, "copy", copyPeaks);
            peaks(measures, "import", importPeaks);
            peaks(measures, "payrun", payPeaks);
            peaks(measures, "nightly", nightlyPeaks);
            measures.add(new Measure("max_heap_mb", Long.toString(Runtime.getRuntime().maxMemory() >> 20), "MiB"));
            measures.add(new Measure("processors", Integer.toString(Runtime.getRuntime().availableProcessors()),
                    "cpus"));

            out.printf("%nnightly run: %s; %,d rows read, %,d accepted; %,d payslips in %d pay runs; ledger %s%n",
                    nightlyTook, imported, accepted, payslips, report.close().periods().size(),
                    report.close().ledger().reconciles() ? "reconciles" : "does NOT reconcile");
            out.printf("%n%-30s %14s  %s%n", "measure", "value", "unit");
            measures.forEach(m -> out.printf("%-30s %14s  %s%n", m.measure(), m.value(), m.unit()));
            Path csv = councils.directory().resolve("bench.csv");
            try (CsvOutput table = CsvOutput.create(csv, "measure", "value", "unit")) {
                measures.forEach(m -> table.row(m.measure(), m.value(), m.unit()));
                table.commit();
            }
            out.printf("%nwritten: %s%n", csv);
            out.flush();
        }
        return measures;
    }

    private static void peaks(List<Measure> measures, String phase, ResourceSampler.Peaks peaks) {
        measures.add(new Measure(phase + "_peak_heap_mb", Long.toString(peaks.heapMb()), "MiB"));
        measures.add(new Measure(phase + "_peak_live_heap_mb", Long.toString(peaks.liveHeapMb()), "MiB"));
        measures.add(new Measure(phase + "_peak_jvm_rss_mb", Long.toString(peaks.jvmRssMb()), "MiB"));
        measures.add(new Measure(phase + "_peak_postgres_mb", Long.toString(peaks.postgresMb()), "MiB"));
    }

    /** {@code a / b} to two places, as text (rates are whole numbers; no floating point). */
    static String ratio(long a, long b) {
        if (b == 0) {
            return "n/a";
        }
        long hundredths = a * 100 / b;
        return "%d.%02d".formatted(hundredths / 100, hundredths % 100);
    }

    private static long nanos(PayRuns.Summary run, String step) {
        return run.stepTimes().getOrDefault(step, Duration.ZERO).toNanos();
    }

    private static Elapsed took(JobRuns.JobRun run) {
        return new Elapsed(Duration.between(run.started(), run.ended()).toNanos());
    }

    /** A wall-clock moment as System.nanoTime, from a pair of the two read together. */
    private static long nanosOf(LocalDateTime when, Instant wall, long nanos) {
        return nanos + Duration.between(wall, when.atZone(ZoneId.systemDefault()).toInstant()).toNanos();
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
