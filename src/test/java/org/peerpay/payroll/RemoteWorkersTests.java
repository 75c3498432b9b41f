package org.peerpay.payroll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.peerpay.bench.SyntheticCouncil;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.support.CouncilTest;
import org.peerpay.support.SyntheticPayroll;
import org.springframework.test.context.TestPropertySource;

/**
 * A pay run spread over worker processes: this test's PeerPay is the manager, two other JVMs on the test's database
 * are the workers, and one of them dies part-way through a partition (stopped dead, as {@code kill -9} would).
 */
@TestPropertySource(properties = {"peerpay.payroll.remote-workers=true", "peerpay.payroll.partitions=6",
        "peerpay.payroll.worker-poll-interval=100ms"})
class RemoteWorkersTests extends CouncilTest {

    static final int EMPLOYMENTS = 600;
    static final PayPeriod PERIOD = PayPeriod.parse("2026-27/4W08");

    @Test
    void aWorkerThatDiesMidPartitionLeavesItToAnotherAndEveryShiftIsPaidOnce() throws Exception {
        SyntheticCouncil council = SyntheticPayroll.loadFunded(EMPLOYMENTS, dir, reference, budgets);
        int shifts = SyntheticPayroll.importShifts(council, PERIOD, dir, importer);
        Path dying = dir.resolve("worker-1.log");
        Path surviving = dir.resolve("worker-2.log");
        // the first worker stops dead at its tenth commit, half-way through its first partition
        Process first = otherPeerPay(dying, "worker", "--peerpay.payroll.threads=1", "--peerpay.payroll.chunk-size=5",
                "--peerpay.payroll.worker-poll-interval=100ms", "--peerpay.test.step-faults=true",
                "--peerpay.test.halt-in-step=payEmployersStep", "--peerpay.test.halt-at-commit=10");
        Process second = null;
        try {
            CompletableFuture<PayRuns.Summary> managing = CompletableFuture.supplyAsync(() -> payRuns.pay(PERIOD));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (first.isAlive() && !managing.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(managing).as("the manager is waiting for its workers").isNotDone();
            assertThat(first.isAlive()).as("the first worker died: " + Files.readString(dying)).isFalse();
            assertThat(Files.readString(dying)).contains("HALT in payEmployersStep at commit 10");
            assertThat(first.exitValue()).isEqualTo(137);
            assertThat(count("payslip")).as("part of a partition paid").isBetween(1, EMPLOYMENTS / 6 - 1);
            assertThat(managing).isNotDone();
            second = otherPeerPay(surviving, "worker", "--peerpay.payroll.threads=2",
                    "--peerpay.payroll.chunk-size=5", "--peerpay.payroll.worker-poll-interval=100ms");

            PayRuns.Summary paid = managing.get(3, TimeUnit.MINUTES);

            assertThat(paid.payslips()).as(Files.readString(surviving)).isEqualTo(EMPLOYMENTS);
            SyntheticPayroll.assertPaidOnce(jdbc, ledgerCheck, EMPLOYMENTS, shifts);
            assertThat(count("batch_step_execution where step_name like 'payEmployersStep:%' and status = 'COMPLETED'"))
                    .as("each partition ran to its end once, the dead worker's by the other").isEqualTo(6);
            assertThat(jdbc.queryForList("select e.status from batch_job_execution e join batch_job_instance i"
                    + " on i.job_instance_id = e.job_instance_id where i.job_name = 'payRunJob'", String.class))
                    .as("the manager waited it out: no restart").containsExactly("COMPLETED");
            assertThat(Files.readString(surviving)).contains("payEmployersStep:employers-");
        } finally {
            first.destroyForcibly();
            if (second != null) {
                second.destroyForcibly().waitFor();
            }
        }
    }

    int count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Integer.class);
    }
}
