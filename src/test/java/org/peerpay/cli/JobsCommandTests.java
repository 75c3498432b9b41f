package org.peerpay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.bench.SyntheticCouncil;
import org.peerpay.support.SyntheticPayroll;
import org.peerpay.budgets.Budgets;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.payroll.LedgerCheck;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.system.Jobs;
import org.peerpay.timesheets.TimesheetImporter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A pay run whose process is killed is found at the next start and marked failed; {@code peerpay jobs} lists it with
 * its step and progress, and {@code peerpay jobs restart RUN} finishes it: every shift paid once, the ledger
 * reconciling.
 */
class JobsCommandTests extends CommandLineTest {

    static final int EMPLOYMENTS = 1000;
    static final PayPeriod PERIOD = PayPeriod.parse("2026-27/4W08");

    @Autowired
    ReferenceDataLoader reference;
    @Autowired
    Budgets budgets;
    @Autowired
    TimesheetImporter importer;
    @Autowired
    Jobs jobs;
    @Autowired
    LedgerCheck ledgerCheck;

    @TempDir
    Path dir;

    @Test
    void listsAKilledPayRunAsFailedAndRestartsItWhereItStopped() throws Exception {
        SyntheticCouncil council = SyntheticPayroll.loadFunded(EMPLOYMENTS, dir, reference, budgets);
        int shifts = SyntheticPayroll.importShifts(council, PERIOD, dir, importer);

        Process running = otherPeerPay(dir.resolve("other.log"), "payroll", "--period", PERIOD.id(),
                "--peerpay.payroll.chunk-size=5", "--peerpay.out-dir=" + OUT);
        killWhen(running, () -> count("payslip") >= 200);
        awaitLocksOfTheDeadReleased();
        assertThat(count("payslip")).as(Files.readString(dir.resolve("other.log"))).isBetween(200, EMPLOYMENTS - 1);
        long run = jdbc.queryForObject("select max(job_execution_id) from batch_job_execution", Long.class);

        assertThat(jobs.recoverAbandoned()).as("found at the next start").containsExactly(run);
        assertThat(peerpay("jobs")).isZero();
        assertThat(out.toString()).containsPattern(run + "\\s+pay run\\s+2026-27/4W08\\s+failed\\s+1 of 5: calculate"
                + " payslips\\s+\\d+%, [\\d,]+ employments").contains("Restart an unfinished run with: peerpay jobs"
                + " restart RUN");

        assertThat(peerpay("jobs", "restart", String.valueOf(run))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Pay run of 2026-27/4W08 (run " + run + "): restarting from its last"
                + " commit").contains("2026-27/4W08 paid: " + EMPLOYMENTS + " payslips");
        assertThat(count("payslip")).isEqualTo(EMPLOYMENTS);
        assertThat(count("timesheet_line where status = 'PAID'")).isEqualTo(shifts);
        assertThat(ledgerCheck.run(LocalDate.of(2099, 12, 31)).breaches()).isEmpty();

        assertThat(peerpay("jobs", "restart", String.valueOf(run))).isEqualTo(2);
        assertThat(err.toString()).contains("Run " + run + " cannot be restarted: it completed, or a later run");
        assertThat(peerpay("jobs", "restart", "999999")).isEqualTo(2);
        assertThat(err.toString()).contains("There is no run 999999");
    }

    int count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Integer.class);
    }
}
