package org.peerpay.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerpay.bench.SyntheticCouncil;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.payroll.PayslipFiles;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.support.CouncilTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A PeerPay process stopped dead inside each step of an import and of a pay run (see {@link HaltInStep}), then the
 * same work run again here: the result is the one an uninterrupted run gives, to the penny and to the row.
 */
class KilledAtEachStepTests extends CouncilTest {

    static final int EMPLOYMENTS = 120;
    static final PayPeriod PERIOD = PayPeriod.parse("2026-27/4W08");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static List<String> uninterruptedImport;
    static List<String> uninterruptedPay;

    @Autowired
    PeriodClose periodClose;

    @ParameterizedTest(name = "{0}, commit {1}")
    @CsvSource({"stageTimesheetsStep, 4", "validateTimesheetsStep, 1", "writeRejectsStep, 1"})
    void anImportStoppedDeadInAStepAndRunAgainImportsWhatAnUninterruptedImportDoes(String step, int commit)
            throws Exception {
        if (uninterruptedImport == null) {
            Path file = givenACouncilAndItsTimesheets();
            importer.importFile(file, TODAY, OUT);
            uninterruptedImport = imported();
            emptyDatabase();
        }
        Path file = givenACouncilAndItsTimesheets();

        haltedIn(step, commit, "import", "--as-of", TODAY.toString(), file.toString(),
                "--peerpay.timesheets.chunk-size=100");
        if (step.equals("stageTimesheetsStep")) {
            assertThat(count("timesheet_line")).as("stopped with part of the file staged").isBetween(1, 959);
        }
        importer.importFile(file, TODAY, OUT);

        assertThat(imported()).isEqualTo(uninterruptedImport);
        assertThat(jobStatuses("timesheetImportJob")).containsExactly("FAILED", "COMPLETED");
    }

    @ParameterizedTest(name = "{0}, commit {1}")
    @CsvSource({"claimShiftsStep, 1", "calculatePayslipsStep, 8", "reviewBudgetsStep, 1", "writePayRunFilesStep, 1",
            "writePayslipPdfsStep, 1", "completePayRunStep, 1"})
    void aPayRunStoppedDeadInAStepAndRunAgainPaysWhatAnUninterruptedRunDoes(String step, int commit)
            throws Exception {
        if (uninterruptedPay == null) {
            givenImportedShifts();
            periodClose.closePeriod(PERIOD, TODAY, OUT);
            uninterruptedPay = paid();
            emptyDatabase();
        }
        givenImportedShifts();

        haltedIn(step, commit, "payroll", "--period", PERIOD.id(), "--peerpay.payroll.chunk-size=10");
        if (step.equals("calculatePayslipsStep")) {
            assertThat(count("payslip")).as("stopped with part of the council paid").isBetween(1, EMPLOYMENTS - 1);
        }
        periodClose.closePeriod(PERIOD, TODAY, OUT);

        assertThat(paid()).isEqualTo(uninterruptedPay);
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line where status <> 'PAID'"
                + " or pay_run_id is null", Integer.class)).as("every shift paid, by one run").isZero();
        assertThat(ledgerCheck.run(TODAY).breaches()).isEmpty();
        assertThat(jobStatuses("payRunJob")).containsExactly("FAILED", "COMPLETED");
    }

    /** Runs PeerPay in another process until it halts in the step; the step is the one it was in. */
    private void haltedIn(String step, int commit, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--peerpay.out-dir=" + OUT, "--peerpay.test.halt-in-step=" + step,
                "--peerpay.test.halt-at-commit=" + commit));
        Path log = dir.resolve("halted.log");
        Process other = otherPeerPay(log, command.toArray(String[]::new));
        assertThat(other.waitFor(3, TimeUnit.MINUTES)).as("the other process ended").isTrue();
        String output = Files.readString(log);
        assertThat(other.exitValue()).as(output).isEqualTo(137);
        assertThat(output).as(output).contains("HALT in " + step);
        assertThat(jdbc.queryForList("""
                select s.step_name from batch_step_execution s
                where s.job_execution_id = (select max(job_execution_id) from batch_job_execution)
                  and s.status = 'STARTED'""", String.class)).as(output).containsExactly(step);
    }

    private Path givenACouncilAndItsTimesheets() throws IOException {
        SyntheticCouncil council = new SyntheticCouncil(EMPLOYMENTS, TODAY);
        council.writeReference(dir.resolve("reference"));
        reference.load(dir.resolve("reference"));
        Path file = dir.resolve("shifts.csv");
        council.writeShifts(file, PERIOD.start(), 28, 8);
        Files.writeString(file, """
                SYN-M000001,SYN-S000001,2026-11-31,10:00,11:00,0,peer support,a date that is not
                NOBODY,SYN-S000001,2026-11-02,10:00,11:00,0,peer support,an unknown mentor
                SYN-M000001,SYN-S000001,2026-10-20,08:00,08:45,0,peer support,a duplicate of row 2
                """, StandardOpenOption.APPEND);
        return file;
    }

    private void givenImportedShifts() throws IOException {
        importer.importFile(givenACouncilAndItsTimesheets(), TODAY, OUT);
        budgets.postFunding(TODAY);
    }

    /** What an import leaves: each line and reject by its row, the exceptions, the rejects file. */
    private List<String> imported() throws IOException {
        List<String> rows = new ArrayList<>(jdbc.queryForList("""
                select l.source_row || ' ' || e.ref || ' ' || l.work_date || ' ' || l.starts_at || ' ' || l.minutes
                       || ' ' || l.status
                from imported_timesheet_line l join employment e on e.id = l.employment_id order by l.source_row""",
                String.class));
        rows.addAll(jdbc.queryForList("select source_row || ' ' || reason || ' ' || detail from timesheet_reject"
                + " order by source_row", String.class));
        rows.addAll(jdbc.queryForList("select type || ' ' || source_row || ' ' || detail from payroll_exception"
                + " order by source_row, type", String.class));
        rows.add(jdbc.queryForObject("select rows_read || ' ' || accepted || ' ' || rejected from timesheet_import"
                + " where status = 'COMPLETED'", String.class));
        rows.add(Files.readString(OUT.resolve("imports/shifts.csv.rejects.csv")));
        return rows;
    }

    /** What a pay run leaves: each payslip and its lines, the ledger by account, the files and PDFs written. */
    private List<String> paid() throws IOException {
        List<String> figures = new ArrayList<>(jdbc.queryForList("""
                select e.ref || ' run ' || r.run_number || ': ' || concat_ws(' ', p.minutes, p.basic_pay,
                       p.floor_uplift, p.arrears, p.holiday_pay, p.gross_pay, p.taxable_pay, p.tax, p.employee_nic,
                       p.employee_pension, p.net_pay, p.employer_nic, p.employment_allowance_offset,
                       p.employer_pension, p.employer_cost, p.tax_code, p.pension_membership)
                       || ' [' || (select string_agg(concat_ws(':', l.kind, l.minutes, l.rate, l.amount), ', '
                                                      order by l.line_no)
                                   from payslip_line l where l.payslip_id = p.id) || ']'
                from payslip p join employment e on e.id = p.employment_id join pay_run r on r.id = p.pay_run_id
                order by e.ref""", String.class));
        figures.addAll(jdbc.queryForList("""
                select s.ref || ' ' || po.account || ' ' || sum(po.amount) from posting po
                join service_user s on s.id = po.service_user_id group by s.ref, po.account order by 1""",
                String.class));
        figures.addAll(jdbc.queryForList("select type || ' ' || detail from payroll_exception order by 1",
                String.class));
        Path payslips = PayslipFiles.directory(OUT, PERIOD);
        figures.add(Files.readString(payslips.resolve("payslips.csv")));
        try (Stream<Path> pdfs = Files.walk(payslips)) {
            pdfs.filter(f -> f.toString().endsWith(".pdf")).sorted().forEach(pdf -> figures.add(
                    payslips.relativize(pdf) + " " + wholePdf(pdf)));
        }
        return figures;
    }

    private static String wholePdf(Path pdf) {
        try {
            String text = new String(Files.readAllBytes(pdf), java.nio.charset.StandardCharsets.ISO_8859_1);
            return text.startsWith("%PDF-") && text.stripTrailing().endsWith("%%EOF") ? "whole" : "damaged";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private List<String> jobStatuses(String job) {
        return jdbc.queryForList("select e.status from batch_job_execution e join batch_job_instance i"
                + " on i.job_instance_id = e.job_instance_id where i.job_name = ? order by e.job_execution_id",
                String.class, job);
    }
}
