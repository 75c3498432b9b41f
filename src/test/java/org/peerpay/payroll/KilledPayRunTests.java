package org.peerpay.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.bench.SyntheticCouncil;
import org.peerpay.support.SyntheticPayroll;
import org.peerpay.support.CouncilTest;

/** A real kill: another PeerPay process pays a period in this test's database and is killed half-way. */
class KilledPayRunTests extends CouncilTest {

    static final int EMPLOYMENTS = 2000;
    static final PayPeriod PERIOD = PayPeriod.parse("2026-27/4W08");

    @Test
    void aPayRunKilledHalfWayAndRunAgainPaysEveryShiftOnceAndReconciles() throws Exception {
        SyntheticCouncil council = SyntheticPayroll.loadFunded(EMPLOYMENTS, dir, reference, budgets);
        int shifts = SyntheticPayroll.importShifts(council, PERIOD, dir, importer);

        Process running = otherPeerPay(dir.resolve("other.log"), "payroll", "--period", PERIOD.id(),
                "--peerpay.payroll.chunk-size=5", "--peerpay.payroll.partitions=8", "--peerpay.payroll.threads=2",
                "--peerpay.out-dir=" + OUT);
        // when it has paid part of the council: some partitions done, others part-way or not begun
        killWhen(running, () -> count("payslip") >= 1100);
        awaitLocksOfTheDeadReleased();
        int paidBeforeTheKill = count("payslip");
        assertThat(paidBeforeTheKill).as(Files.readString(dir.resolve("other.log")))
                .isBetween(1100, EMPLOYMENTS - 1);
        assertThat(jdbc.queryForObject("select status from pay_run", String.class)).isEqualTo("RUNNING");
        List<String> doneBeforeTheKill = partitions("COMPLETED");
        assertThat(doneBeforeTheKill).as("partitions completed before the kill").isNotEmpty().hasSizeLessThan(8);

        PayRuns.Summary resumed = payRuns.pay(PERIOD);

        assertThat(resumed.runNumber()).isEqualTo(1);
        assertThat(resumed.payslips()).isEqualTo(EMPLOYMENTS);
        SyntheticPayroll.assertPaidOnce(jdbc, ledgerCheck, EMPLOYMENTS, shifts);
        assertThat(jdbc.queryForList("select e.status from batch_job_execution e join batch_job_instance i"
                + " on i.job_instance_id = e.job_instance_id where i.job_name = 'payRunJob' order by e.job_execution_id",
                String.class)).containsExactly("FAILED", "COMPLETED");
        // the restart ran only the partitions the kill left unfinished, each once, and every partition completed
        List<String> rerun = jdbc.queryForList("""
                select step_name from batch_step_execution
                where job_execution_id = (select max(job_execution_id) from batch_job_execution)
                  and step_name like 'payEmployersStep:%' order by step_name""", String.class);
        assertThat(rerun).doesNotContainAnyElementsOf(doneBeforeTheKill).doesNotHaveDuplicates();
        assertThat(partitions("COMPLETED")).hasSize(8).containsAll(rerun).containsAll(doneBeforeTheKill);
    }

    /** The partitions of the pay run with a step execution of this status, by name. */
    List<String> partitions(String status) {
        return jdbc.queryForList("select distinct step_name from batch_step_execution where step_name like"
                + " 'payEmployersStep:%' and status = ? order by step_name", String.class, status);
    }

    int count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Integer.class);
    }
}
