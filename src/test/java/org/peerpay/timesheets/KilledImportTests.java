package org.peerpay.timesheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.support.DatabaseTest;
import org.peerpay.support.SmallCouncil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** A real kill: another PeerPay process imports a file into this test's database and is killed half-way. */
@TestPropertySource(properties = "peerpay.timesheets.chunk-size=5000")
class KilledImportTests extends DatabaseTest {

    /** 48 half-hourly shifts a day from 6 April 2026: the last is in 2037. */
    static final int ROWS = 200_000;

    @Autowired
    ReferenceDataLoader referenceLoader;
    @Autowired
    TimesheetImporter importer;

    @TempDir
    Path dir;

    @Test
    void anImportKilledHalfWayAndRunAgainLeavesExactlyOneCopyOfEachLine() throws Exception {
        referenceLoader.load(SmallCouncil.writeReference(dir.resolve("reference")));
        Path file = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write(SmallCouncil.TIMESHEET_HEADER);
            for (int i = 0; i < ROWS; i++) {
                LocalTime start = LocalTime.MIN.plusMinutes(30L * (i % 48));
                out.write("M1,SU1," + LocalDate.of(2026, 4, 6).plusDays(i / 48) + "," + start + ","
                        + start.plusMinutes(15) + ",0,walk,\n");
            }
        }

        Process running = otherPeerPay(dir.resolve("other.log"), "import", "--as-of", "2060-01-01",
                file.toString(), "--peerpay.timesheets.chunk-size=500", "--peerpay.out-dir=" + OUT);
        killWhen(running, () -> count("timesheet_line") >= 20_000);  // when it has staged part of the file
        int staged = count("timesheet_line");
        assertThat(staged).as(Files.readString(dir.resolve("other.log"))).isBetween(20_000, ROWS - 1);
        assertThat(jdbc.queryForObject("select status from batch_job_execution", String.class))
                .as("the killed process left its execution looking as if it were running").isEqualTo("STARTED");

        ImportResult result = importer.importFile(file, LocalDate.of(2060, 1, 1), OUT);

        assertThat(result.accepted()).isEqualTo(ROWS);
        assertThat(result.rejectedTotal()).isZero();
        assertThat(count("imported_timesheet_line")).isEqualTo(ROWS);
        assertThat(jdbc.queryForObject("select count(distinct source_row) from timesheet_line", Integer.class))
                .isEqualTo(ROWS);
        assertThat(jdbc.queryForList("select status from batch_job_execution order by job_execution_id",
                String.class)).containsExactly("FAILED", "COMPLETED");
    }

    int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
