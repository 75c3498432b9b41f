package org.peerpay.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.peerpay.bench.SyntheticCouncil;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.support.SyntheticPayroll;
import org.peerpay.system.EmbeddedPostgres;
import org.springframework.test.context.TestPropertySource;

/**
 * The database ends PeerPay's connections ({@code pg_terminate_backend}, as a failover, a restart of the server or an
 * administrator does) in the middle of a chunk of an import and of a pay run: the job fails, saying why, nothing of
 * the chunk is kept, and running it again reaches what an uninterrupted run reaches.
 */
@TestPropertySource(properties = {"peerpay.test.step-faults=true", "peerpay.payroll.chunk-size=10"})
class ConnectionKilledTests extends InterruptedJobTest {

    @AfterEach
    void disarm() {
        StepFaults.disarm();
    }

    @Test
    void anImportWhoseConnectionsAreKilledMidChunkFailsAndRunAgainImportsWhatAnUninterruptedImportDoes()
            throws Exception {
        List<String> uninterrupted = uninterruptedImport();
        Path file = givenACouncilAndItsTimesheets();
        StepFaults.arm("stageTimesheetsStep", 20, this::terminateApplicationConnections);

        assertThatThrownBy(() -> importer.importFile(file, TODAY, OUT)).hasMessageContaining("stageTimesheetsStep");
        assertThat(count("timesheet_line")).as("the chunks committed before").isBetween(1, 959);
        importer.importFile(file, TODAY, OUT);

        assertThat(imported()).isEqualTo(uninterrupted);
    }

    @Test
    void aPayRunWhoseConnectionsAreKilledMidChunkFailsAndRunAgainPaysWhatAnUninterruptedRunDoes() throws Exception {
        List<String> uninterrupted = uninterruptedPay();
        givenImportedShifts();
        StepFaults.arm("payEmployersStep", 8, this::terminateApplicationConnections);

        assertThatThrownBy(() -> periodClose.closePeriod(PERIOD, TODAY, OUT))
                .hasMessageContaining("calculatePayslipsStep");
        assertThat(count("payslip")).as("the chunks committed before").isBetween(1, EMPLOYMENTS - 1);
        periodClose.closePeriod(PERIOD, TODAY, OUT);

        assertThat(paid()).isEqualTo(uninterrupted);
        assertEveryShiftPaidOnceAndTheLedgerReconciles();
    }

    @Test
    void aPayRunOfBackPayAloneWhoseConnectionsAreKilledMidChunkPaysEachShiftsBackPayOnceWhenRunAgain()
            throws Exception {
        PayPeriod before = PayPeriod.parse("2026-27/4W07");
        SyntheticCouncil council = SyntheticPayroll.loadFunded(EMPLOYMENTS, dir, reference, budgets);
        SyntheticPayroll.importShifts(council, before, dir, importer);
        payRuns.pay(before);
        // every rate raised to £15.00 from the start of the period paid (the £12.50 ones were paid at the floor)
        Files.createDirectories(dir.resolve("raise"));
        Files.writeString(dir.resolve("raise/employment-rates.csv"), "employment_ref,effective_from,hourly_rate\n"
                + String.join("", jdbc.queryForList("select ref || ',' || ? || ',15.00' || chr(10) from employment",
                String.class, before.start().toString())));
        reference.load(dir.resolve("raise"));
        assertThat(count("back_pay")).isEqualTo(count("timesheet_line"));
        StepFaults.arm("payEmployersStep", 8, this::terminateApplicationConnections);

        assertThatThrownBy(() -> payRuns.pay(PERIOD)).hasMessageContaining("calculatePayslipsStep");
        assertThat(jdbc.queryForObject("select count(*) from payslip where period_id = ?", Integer.class,
                PERIOD.id())).as("the chunks committed before").isBetween(1, EMPLOYMENTS - 1);
        payRuns.pay(PERIOD);

        assertThat(jdbc.queryForObject("select count(*) from payslip where period_id = ?", Integer.class,
                PERIOD.id())).as("one payslip for each employment").isEqualTo(EMPLOYMENTS);
        assertThat(jdbc.queryForObject("""
                select count(*) from back_pay b left join payslip p on p.id = b.payslip_id
                where p.period_id is distinct from ? or p.employment_id <> b.employment_id""", Integer.class,
                PERIOD.id())).as("each shift's back pay paid by its employment's payslip").isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from payslip p where p.period_id = ? and p.arrears <> (
                    select sum(round(g.minutes * (g.owed_rate - g.paid_rate) / 60, 2)) from (
                        select sum(b.minutes) as minutes, b.paid_rate, b.owed_rate from back_pay b
                        where b.employment_id = p.employment_id group by b.rate_from, b.paid_rate, b.owed_rate) g)""",
                Integer.class, PERIOD.id())).as("each payslip pays its back pay once, to the penny").isZero();
        assertThat(ledgerCheck.run(TODAY).breaches()).isEmpty();
    }

    /** Ends every connection of PeerPay's role, the one in the middle of this chunk among them. */
    private void terminateApplicationConnections() {
        try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl(), postgres.owner().user(),
                postgres.owner().password());
             ResultSet ended = owner.createStatement().executeQuery("select count(pg_terminate_backend(pid))"
                     + " from pg_stat_activity where usename = '" + EmbeddedPostgres.APPLICATION_ROLE + "'")) {
            ended.next();
            assertThat(ended.getInt(1)).isPositive();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
