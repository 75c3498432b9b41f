package org.peerpay.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a PeerPay process killed without warning leaves on its data directory does not stop the next one. */
class LeftoverServerTests {

    @TempDir
    Path dataDir;

    /** Starts the embedded server of a data directory, says so, and runs until it is killed. */
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres.open(Path.of(args[0]));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(TimeUnit.MINUTES.toMillis(5));
    }

    @Test
    void aServerLeftByAKilledProcessIsStoppedAndTheDirectoryUsedAgain() throws Exception {
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LeftoverServerTests.class.getName(),
                dataDir.toString()).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(killed.getInputStream()));
        for (String line; (line = output.readLine()) != null && !line.equals("ready"); ) {
            // the server's start-up log
        }
        killed.destroyForcibly().waitFor();
        long postmaster = postmasterPid();
        assertThat(ProcessHandle.of(postmaster)).as("the server outlives the process that started it")
                .hasValueSatisfying(process -> assertThat(process.isAlive()).isTrue());

        long started = System.nanoTime();
        try (EmbeddedPostgres server = EmbeddedPostgres.open(dataDir)) {
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(40);
            assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(postmasterPid()).isNotEqualTo(postmaster);
            assertAnswers(server);
        }
    }

    @Test
    void aStalePidFileNamingAnotherProcessOrNoneIsRemoved() throws Exception {
        EmbeddedPostgres.open(dataDir).close();
        Path pidFile = dataDir.resolve("pg/postmaster.pid");
        // A pid file as a server killed with its machine leaves it, naming a pid now used by another program
        for (long pid : List.of(ProcessHandle.current().pid(), Integer.MAX_VALUE - 1L)) {
            Files.writeString(pidFile, pid + "\n" + dataDir.resolve("pg") + "\n1764633600\n5432\n\nlocalhost\n"
                    + "  5432001    32768\nready   \n");

            try (EmbeddedPostgres server = EmbeddedPostgres.open(dataDir)) {
                assertThat(postmasterPid()).isNotEqualTo(pid);
                assertAnswers(server);
            }
        }
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).strip());
    }

    private static void assertAnswers(EmbeddedPostgres server) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.owner().user(),
                server.owner().password())) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void aDamagedDataDirectoryIsRefusedWithTheWayOutNotAStackTrace() throws Exception {
        EmbeddedPostgres.open(dataDir).close();
        Files.delete(dataDir.resolve("pg/global/pg_control"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedPostgres.open(dataDir))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("The embedded PostgreSQL in " + dataDir.resolve("pg") + " cannot start: its"
                        + " control file global/pg_control is missing or empty.")
                .hasMessageContaining("If the directory is damaged, move it aside, copy its data.key into a new"
                        + " directory, and restore your latest backup there: PEERPAY_DATA_DIR=NEW peerpay restore"
                        + " FILE.");
    }
}
