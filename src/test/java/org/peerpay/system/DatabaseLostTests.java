package org.peerpay.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peerpay.support.OwnPeerPay;
import org.peerpay.support.SmallCouncil;

/**
 * PeerPay on its own embedded database, as an operator runs it, when the database goes away under a running job
 * (its server killed) or the process is told to stop: it ends within a bounded time with one clear message, not a
 * hang, a thousand log lines or a stack trace.
 */
class DatabaseLostTests {

    static final int ROWS = 200_000;

    @TempDir
    Path dir;

    Path dataDir;
    Path file;

    @BeforeEach
    void givenACouncilAndALongTimesheetFile() throws Exception {
        dataDir = dir.resolve("data");
        Process load = peerPay(dir.resolve("load.log"), "reference", "load",
                SmallCouncil.writeReference(dir.resolve("reference")).toString());
        assertThat(load.waitFor(120, TimeUnit.SECONDS) && load.exitValue() == 0)
                .as(Files.readString(dir.resolve("load.log"))).isTrue();
        file = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(SmallCouncil.TIMESHEET_HEADER);
            for (int i = 0; i < ROWS; i++) {
                LocalTime start = LocalTime.of(6, 0).plusMinutes(15L * (i % 48)); // clear of the clock changes
                out.write("M1,SU1," + LocalDate.of(2026, 4, 6).plusDays(i / 48) + "," + start + ","
                        + start.plusMinutes(15) + ",0,walk,\n");
            }
        }
    }

    /**
     * The server goes away under a running import, killed ({@code kill -9} of the postmaster) or stopped at once
     * (SIGQUIT: {@code pg_ctl stop -m immediate}, which skips the checkpoint as a crash does): the import ends within seconds
     * saying so in one message, and the next run starts the server again (recovering it from its log) and finishes
     * the import, every row once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"kill -9", "immediate shutdown"})
    void aJobWhoseDatabaseServerGoesAwayEndsSoonSayingSoAndTheNextRunFinishesIt(String how) throws Exception {
        Path log = dir.resolve("import.log");
        Process running = importingHalfWay(log);

        long started = System.nanoTime();
        if (how.equals("kill -9")) {
            ProcessHandle.of(postmasterPid()).orElseThrow().destroyForcibly();
        } else {
            // what pg_ctl stop -m immediate does (pg_ctl itself will not run as root, as CI's containers do)
            Process stop = new ProcessBuilder("kill", "-QUIT", Long.toString(postmasterPid())).start();
            assertThat(stop.waitFor(60, TimeUnit.SECONDS) && stop.exitValue() == 0).isTrue();
        }
        boolean ended = running.waitFor(60, TimeUnit.SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        running.destroyForcibly();

        String output = how + " at " + java.time.LocalTime.now().minusSeconds(seconds) + "\n"
                + Files.readString(log);
        assertThat(ended).as(output).isTrue();
        assertThat(seconds).as(output).isLessThan(30);
        assertThat(running.exitValue()).as(output).isNotZero();
        List<String> after = output.lines().dropWhile(line -> !line.contains("Embedded PostgreSQL on port"))
                .skip(1).filter(line -> !line.contains("Progress")).toList();
        assertThat(after).as(output).hasSizeLessThan(8);
        assertThat(output).as(output).doesNotContain("\tat ").doesNotContain("could not start")
                .contains("The database stopped answering");

        Process again = peerPay(dir.resolve("again.log"), "import", "--as-of", "2060-01-01", file.toString());
        assertThat(again.waitFor(120, TimeUnit.SECONDS) && again.exitValue() == 0)
                .as(Files.readString(dir.resolve("again.log"))).isTrue();
        assertThat(Files.readString(dir.resolve("again.log"))).containsPattern("big.csv +200,000 +200,000 +0 ");
    }

    @Test
    void anImportToldToStopStopsSoonSayingSoAndTheNextRunFinishesIt() throws Exception {
        Path log = dir.resolve("import.log");
        Process running = importingHalfWay(log);

        running.destroy(); // SIGTERM, as a service manager stops a process
        boolean ended = running.waitFor(60, TimeUnit.SECONDS);
        running.destroyForcibly();

        String output = Files.readString(log);
        assertThat(ended).as(output).isTrue();
        assertThat(running.exitValue()).as(output).isNotZero();
        assertThat(output).as(output).doesNotContain("\tat ").doesNotContain("could not start")
                .contains("stopped");
        assertThat(dataDir.resolve("pg/postmaster.pid")).as("the server was stopped with it").doesNotExist();

        Process again = peerPay(dir.resolve("again.log"), "import", "--as-of", "2060-01-01", file.toString());
        assertThat(again.waitFor(120, TimeUnit.SECONDS) && again.exitValue() == 0)
                .as(Files.readString(dir.resolve("again.log"))).isTrue();
        assertThat(Files.readString(dir.resolve("again.log"))).containsPattern("big.csv +200,000 +200,000 +0 ");
    }

    /** An import of the file in another PeerPay process, once it has staged some of its lines. */
    private Process importingHalfWay(Path log) throws Exception {
        Process running = peerPay(log, "import", "--as-of", "2060-01-01", file.toString(),
                "--peerpay.timesheets.chunk-size=2000");
        awaitStagedLines();
        return running;
    }

    private void awaitStagedLines() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try (Connection c = ownerConnection();
                 ResultSet rs = c.createStatement().executeQuery("select count(*) from timesheet_line")) {
                rs.next();
                if (rs.getInt(1) >= 10_000) {
                    return;
                }
            } catch (Exception notYet) {
                // the server or the table is not there yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import staged no lines in two minutes");
    }

    private Connection ownerConnection() throws Exception {
        List<String> pid = Files.readAllLines(dataDir.resolve("pg/postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres",
                "postgres", Files.readString(dataDir.resolve("pg-owner.password")).strip());
    }

    private long postmasterPid() throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(0).strip());
    }

    private Process peerPay(Path log, String... args) throws Exception {
        return OwnPeerPay.start(dataDir, dir.resolve("out"), java.util.Map.of(), log, args);
    }
}
