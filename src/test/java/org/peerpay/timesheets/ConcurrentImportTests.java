package org.peerpay.timesheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.bench.SyntheticCouncil;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.support.DatabaseTest;
import org.peerpay.system.DatabaseLocks;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Imports go one at a time across processes: each checks its shifts against every completed import, so two at once
 * could each accept a shift the other holds.
 */
class ConcurrentImportTests extends DatabaseTest {

    @Autowired
    TimesheetImporter importer;
    @Autowired
    ReferenceDataLoader reference;
    @Autowired
    DatabaseLocks locks;

    @TempDir
    Path dir;

    @Test
    void anImportInAnotherProcessWaitsForTheOneInProgressThenFindsItsShiftsDuplicates() throws Exception {
        SyntheticCouncil council = new SyntheticCouncil(1000, LocalDate.of(2026, 11, 23));
        council.writeReference(dir.resolve("reference"));
        reference.load(dir.resolve("reference"));
        Path first = dir.resolve("first.csv");
        int shifts = council.writeShifts(first, PayPeriod.parse("2026-27/4W08").start(), 28, 3);
        Path second = dir.resolve("second.csv");
        Files.writeString(second, Files.readString(first).replace("peer support,", "peer support,sent again"));
        Path log = dir.resolve("other.log");

        // this process's import is "in progress" while the other process tries to import the same shifts
        Process other = locks.holding("peerpay.timesheets.import", "test", () -> {
            try {
                Process started = otherPeerPay(log, "import", "--as-of", "2026-11-23", first.toString(),
                        "--peerpay.out-dir=" + OUT);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (!(Files.exists(log) && Files.readString(log).contains("import is in progress: waiting"))
                        && started.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                Thread.sleep(500);
                assertThat(Files.readString(log)).contains("another timesheet import is in progress: waiting");
                assertThat(count("timesheet_import")).as("nothing imported while another import is in progress")
                        .isZero();
                return started;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(other.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(other.exitValue()).as(Files.readString(log)).isZero();

        ImportResult again = importer.importFile(second, LocalDate.of(2026, 11, 23), OUT);

        assertThat(count("timesheet_line")).isEqualTo(shifts);
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(shifts);
    }

    int count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Integer.class);
    }
}
