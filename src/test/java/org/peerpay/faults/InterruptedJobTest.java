package org.peerpay.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.peerpay.bench.SyntheticCouncil;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.payroll.PayslipFiles;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.support.CouncilTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the tests that interrupt an import or a pay run and run it again: a synthetic council and its shifts of
 * one period (with three bad rows), what an import and a pay run leave, to the row and the penny, and what an
 * uninterrupted run of each leaves, to compare with.
 */
abstract class InterruptedJobTest extends CouncilTest {

    static final int EMPLOYMENTS = 120;
    static final PayPeriod PERIOD = PayPeriod.parse("2026-27/4W08");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static List<String> uninterruptedImport;
    private static List<String> uninterruptedPay;

    @Autowired
    protected PeriodClose periodClose;

    /** What an uninterrupted import of the shifts leaves (worked out once, then the database emptied again). */
    protected List<String> uninterruptedImport() throws IOException {
        if (uninterruptedImport == null) {
            importer.importFile(givenACouncilAndItsTimesheets(), TODAY, OUT);
            uninterruptedImport = imported();
            emptyDatabase();
        }
        return uninterruptedImport;
    }

    /** What an uninterrupted pay run of the period leaves (worked out once, then the database emptied again). */
    protected List<String> uninterruptedPay() throws IOException {
        if (uninterruptedPay == null) {
            givenImportedShifts();
            periodClose.closePeriod(PERIOD, TODAY, OUT);
            uninterruptedPay = paid();
            emptyDatabase();
        }
        return uninterruptedPay;
    }

    /** Every shift paid, by one run, and the ledger reconciling. */
    protected void assertEveryShiftPaidOnceAndTheLedgerReconciles() {
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line where status <> 'PAID'"
                + " or pay_run_id is null", Integer.class)).as("every shift paid, by one run").isZero();
        assertThat(ledgerCheck.run(TODAY).breaches()).isEmpty();
    }

    protected Path givenACouncilAndItsTimesheets() throws IOException {
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

    protected void givenImportedShifts() throws IOException {
        importer.importFile(givenACouncilAndItsTimesheets(), TODAY, OUT);
        budgets.postFunding(TODAY);
    }

    /** What an import leaves: each line and reject by its row, the exceptions, the rejects file. */
    protected List<String> imported() throws IOException {
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
    protected List<String> paid() throws IOException {
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

    protected int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    protected List<String> jobStatuses(String job) {
        return jdbc.queryForList("select e.status from batch_job_execution e join batch_job_instance i"
                + " on i.job_instance_id = e.job_instance_id where i.job_name = ? order by e.job_execution_id",
                String.class, job);
    }
}
