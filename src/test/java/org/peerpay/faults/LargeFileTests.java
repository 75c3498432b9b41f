package org.peerpay.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.peerpay.bench.SyntheticCouncil;
import org.peerpay.support.CouncilTest;

/**
 * A 200 MB timesheet file imported whole by a PeerPay whose heap is held to 256 MB: the import streams the file and
 * checks it in the database, so its memory does not grow with the file. (How its time grows with the file is
 * measured by {@code peerpay bench import}, not here.)
 */
class LargeFileTests extends CouncilTest {

    static final int ROWS = 3_000_000;

    @Test
    void aTwoHundredMegabyteFileIsImportedWholeWithTheHeapHeldTo256Megabytes() throws Exception {
        SyntheticCouncil council = new SyntheticCouncil(5_000, LocalDate.of(2026, 11, 23));
        council.writeReference(dir.resolve("reference"));
        reference.load(dir.resolve("reference"));
        Path file = dir.resolve("large.csv");
        council.writeTimesheets(file, ROWS, "large");
        assertThat(Files.size(file)).isGreaterThan(200L << 20);

        Path log = dir.resolve("import.log");
        Process importing = otherPeerPay(log, List.of("-Xmx256m", "-XX:+ExitOnOutOfMemoryError"), "import",
                "--as-of", "2026-11-23", file.toString(), "--peerpay.out-dir=" + OUT);
        boolean ended = importing.waitFor(10, TimeUnit.MINUTES);
        importing.destroyForcibly();

        String output = Files.readString(log);
        assertThat(ended && importing.exitValue() == 0).as(output).isTrue();
        assertThat(output).containsPattern("large.csv +3,000,000 +3,000,000 +0 ");
        assertThat(jdbc.queryForObject("select count(*) from imported_timesheet_line", Integer.class))
                .isEqualTo(ROWS);
    }
}
