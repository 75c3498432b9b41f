package org.peerpay.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.peerpay.PeerPayApplication;
import org.peerpay.system.EmbeddedPostgres;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the tests that use the database: one embedded PostgreSQL per test JVM (under target/test-data, made
 * afresh at the first use), every table emptied before each test, and the test output directory cleared.
 */
@SpringBootTest
@ActiveProfiles("test")
public abstract class DatabaseTest {

    public static final Path OUT = Path.of("target/test-out");

    static {
        deleteTree(Path.of("target/test-data"));
    }

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected EmbeddedPostgres postgres;

    @Value("${peerpay.data-key}")
    protected String dataKey;

    /**
     * Empties every table as the schema's owner: the application's role may not TRUNCATE, and the ledger's tables
     * refuse it to everyone but a session that replays changes (session_replication_role = replica).
     */
    @BeforeEach
    protected void emptyDatabase() {
        SingleConnectionDataSource owner = new SingleConnectionDataSource(postgres.jdbcUrl(), postgres.owner().user(),
                postgres.owner().password(), true);
        try {
            JdbcTemplate asOwner = new JdbcTemplate(owner);
            asOwner.execute("set session_replication_role = replica");
            asOwner.execute("""
                    truncate posting, journal_entry, back_pay, payslip_line, payslip, pay_run,
                             payroll_exception, timesheet_reject, timesheet_line, timesheet_import, funding,
                             budget_period, employment_rate, employment, mentor, service_user,
                             batch_step_execution_context, batch_job_execution_context, batch_step_execution,
                             batch_job_execution_params, batch_job_execution, batch_job_instance,
                             user_caseload, user_account, audit_event, nightly_run, int_channel_message cascade
                    """);
        } finally {
            owner.destroy();
        }
        deleteTree(OUT);
    }

    /** Statements as the schema's owner, for what a test does that the application may not (DDL, say). */
    protected JdbcTemplate asOwner() {
        return new JdbcTemplate(new DriverManagerDataSource(postgres.jdbcUrl(), postgres.owner().user(),
                postgres.owner().password()));
    }

    /** Starts another PeerPay process on this test's database, as an operator would against an external server. */
    protected Process otherPeerPay(Path log, String... args) throws IOException {
        return otherPeerPay(log, List.of(), args);
    }

    /** As {@link #otherPeerPay(Path, String...)}, with options for its JVM ({@code -Xmx256m}, say). */
    protected Process otherPeerPay(Path log, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PeerPayApplication.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder other = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        other.environment().put("SPRING_DATASOURCE_URL", postgres.jdbcUrl());
        other.environment().put("SPRING_DATASOURCE_USERNAME", postgres.owner().user());
        other.environment().put("SPRING_DATASOURCE_PASSWORD", postgres.owner().password());
        other.environment().put("PEERPAY_DATA_KEY", dataKey);
        return other.start();
    }

    /** Kills a process without warning once a condition holds (or it has ended, or two minutes have passed). */
    protected static void killWhen(Process running, BooleanSupplier condition) throws InterruptedException {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!condition.getAsBoolean() && running.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            running.destroyForcibly().waitFor();
        }
    }

    /**
     * Waits (at most 30 seconds) until PostgreSQL has ended the sessions of a process that died: it notices a dead
     * client only when it next reads from its socket, so for a moment the dead process's locks are still held, and a
     * run started at once would be refused as if that process were still running.
     */
    protected void awaitLocksOfTheDeadReleased() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.queryForObject("select count(*) from pg_locks where locktype = 'advisory'", Integer.class) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    public static void deleteTree(Path root) {
        if (Files.notExists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
