package org.peerpay.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
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
        StepFaults.arm("calculatePayslipsStep", 8, this::terminateApplicationConnections);

        assertThatThrownBy(() -> periodClose.closePeriod(PERIOD, TODAY, OUT))
                .hasMessageContaining("calculatePayslipsStep");
        assertThat(count("payslip")).as("the chunks committed before").isBetween(1, EMPLOYMENTS - 1);
        periodClose.closePeriod(PERIOD, TODAY, OUT);

        assertThat(paid()).isEqualTo(uninterrupted);
        assertEveryShiftPaidOnceAndTheLedgerReconciles();
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
