package org.peerpay.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.PeerPayApplication;
import org.peerpay.ledger.Ledger;
import org.peerpay.ledger.LedgerCheck;
import org.peerpay.payroll.PayPeriod;
import org.peerpay.payroll.PayRuns;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.support.DatabaseTest;
import org.peerpay.system.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** A real kill: another PeerPay process pays a period in this test's database and is killed half-way. */
class KilledPayRunTests extends DatabaseTest {

    static final int EMPLOYMENTS = 2000;
    static final PayPeriod PERIOD = PayPeriod.parse("2026-27/4W08");

    @Autowired
    ReferenceDataLoader referenceLoader;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerCheck ledgerCheck;
    @Autowired
    PayRuns payRuns;
    @Autowired
    EmbeddedPostgres postgres;
    @Value("${peerpay.data-key}")
    String dataKey;

    @TempDir
    Path dir;

    @Test
    void aPayRunKilledHalfWayAndRunAgainPaysEveryShiftOnceAndReconciles() throws Exception {
        SyntheticCouncil council = new SyntheticCouncil(EMPLOYMENTS, LocalDate.of(2026, 11, 23));
        council.writeReference(dir.resolve("reference"));
        referenceLoader.load(dir.resolve("reference"));
        ledger.postFunding();
        int shifts = council.insertShifts(jdbc, PERIOD.start(), 28, 10);

        ProcessBuilder other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PeerPayApplication.class.getName(),
                "payroll", "--period", PERIOD.id(), "--peerpay.payroll.chunk-size=5", "--peerpay.out-dir=" + OUT)
                .redirectErrorStream(true).redirectOutput(dir.resolve("other.log").toFile());
        other.environment().put("SPRING_DATASOURCE_URL", postgres.jdbcUrl());
        other.environment().put("SPRING_DATASOURCE_USERNAME", postgres.username());
        other.environment().put("PEERPAY_DATA_KEY", dataKey);
        Process running = other.start();
        try {
            // when it has paid part of the council, kill it without warning
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (count("payslip") < 300 && running.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            running.destroyForcibly().waitFor();
        }
        int paidBeforeTheKill = count("payslip");
        assertThat(paidBeforeTheKill).as(Files.readString(dir.resolve("other.log"))).isBetween(300, EMPLOYMENTS - 1);
        assertThat(jdbc.queryForObject("select status from pay_run", String.class)).isEqualTo("RUNNING");

        PayRuns.Summary resumed = payRuns.pay(PERIOD);

        assertThat(resumed.runNumber()).isEqualTo(1);
        assertThat(resumed.payslips()).isEqualTo(EMPLOYMENTS);
        assertThat(count("journal_entry where kind = 'PAYSLIP'")).isEqualTo(EMPLOYMENTS);
        assertThat(count("timesheet_line where status = 'PAID'")).isEqualTo(shifts);
        assertThat(count("""
                (select l.employment_id, sum(l.minutes) as minutes from timesheet_line l group by l.employment_id) l
                join payslip p on p.employment_id = l.employment_id where p.minutes <> l.minutes""")).isZero();
        assertThat(ledgerCheck.run().breaches()).isEmpty();
        assertThat(jdbc.queryForList("select status from batch_job_execution order by job_execution_id",
                String.class)).containsExactly("FAILED", "COMPLETED");
    }

    int count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Integer.class);
    }
}
