package org.peerpay.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.peerpay.bench.SyntheticCouncil;
import org.peerpay.budgets.Budgets;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.payroll.LedgerCheck;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.timesheets.TimesheetImporter;
import org.springframework.jdbc.core.JdbcTemplate;

/** A synthetic council to pay in a test: loaded and funded, then ten shifts an employment in a period imported. */
public final class SyntheticPayroll {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    private SyntheticPayroll() {
    }

    /** Writes and loads the council's reference data under {@code dir}, and posts all its funding. */
    public static SyntheticCouncil loadFunded(int employments, Path dir, ReferenceDataLoader reference,
                                              Budgets budgets) {
        SyntheticCouncil council = new SyntheticCouncil(employments, AS_OF);
        council.writeReference(dir.resolve("reference"));
        reference.load(dir.resolve("reference"));
        budgets.postFunding(LocalDate.of(2099, 12, 31));
        return council;
    }

    /** Imports ten shifts for each employment in the period; all accepted. Returns how many. */
    public static int importShifts(SyntheticCouncil council, PayPeriod period, Path dir, TimesheetImporter importer) {
        Path file = dir.resolve(period.id().replace('/', '-') + ".csv");
        int shifts = council.writeShifts(file, period.start(), 28, 10);
        assertThat(importer.importFile(file, council.asOf(), DatabaseTest.OUT).accepted()).isEqualTo(shifts);
        return shifts;
    }

    /**
     * The council was paid as an uninterrupted run pays it, whatever stopped on the way: one payslip and one charge
     * per employment, every shift paid and each employment's payslip paying its shifts' minutes, and the ledger
     * reconciling.
     */
    public static void assertPaidOnce(JdbcTemplate jdbc, LedgerCheck ledgerCheck, int employments, int shifts) {
        assertThat(count(jdbc, "journal_entry where kind = 'PAYSLIP'")).isEqualTo(employments);
        assertThat(count(jdbc, "timesheet_line where status = 'PAID'")).isEqualTo(shifts);
        assertThat(count(jdbc, """
                (select l.employment_id, sum(l.minutes) as minutes from timesheet_line l group by l.employment_id) l
                join payslip p on p.employment_id = l.employment_id where p.minutes <> l.minutes""")).isZero();
        assertThat(ledgerCheck.run(LocalDate.of(2099, 12, 31)).breaches()).isEmpty();
    }

    private static int count(JdbcTemplate jdbc, String from) {
        return jdbc.queryForObject("select count(*) from " + from, Integer.class);
    }
}
