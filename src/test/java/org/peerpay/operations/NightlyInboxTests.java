package org.peerpay.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.peerpay.support.CouncilTest;
import org.peerpay.support.SmallCouncil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** With peerpay.nightly.move-files, each inbox file read moves aside: imported to processed/, refused to failed/. */
@TestPropertySource(properties = "peerpay.nightly.move-files=true")
class NightlyInboxTests extends CouncilTest {

    @Autowired
    Nightly nightly;
    @Autowired
    NightlyRuns runs;

    @Test
    void movesImportedFilesToProcessedAndRefusedOnesToFailedWithTheirReason() throws Exception {
        SmallCouncil.writeReference(dir.resolve("reference"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        SmallCouncil.write(inbox.resolve("week.csv"), SmallCouncil.TIMESHEET_HEADER
                + "M1,SU1,2026-10-19,10:00,12:00,0,,\n");
        SmallCouncil.write(inbox.resolve("empty.csv"), SmallCouncil.TIMESHEET_HEADER);
        Files.writeString(inbox.resolve("notes.txt"), "not a timesheet");

        Nightly.Report report = nightly.runIfFree(NightlyRun.Trigger.COMMAND, null,
                new Nightly.Places(AS_OF, inbox, dir.resolve("reference"), OUT)).orElseThrow();

        Path processed = inbox.resolve("processed").resolve(AS_OF.toString());
        Path failed = inbox.resolve("failed").resolve(AS_OF.toString());
        assertThat(processed.resolve("week.csv")).exists();
        assertThat(failed.resolve("empty.csv")).exists();
        assertThat(Files.readString(failed.resolve("empty.csv.reason.txt")))
                .contains("empty.csv has a header row but no shifts: there is nothing to import.");
        assertThat(inbox.resolve("week.csv")).doesNotExist();
        assertThat(inbox.resolve("empty.csv")).doesNotExist();
        assertThat(inbox.resolve("notes.txt")).as("not a CSV: left alone").exists();
        assertThat(report.outcome()).isEqualTo(NightlyRun.Outcome.FILES_REFUSED);
        assertThat(runs.recent()).singleElement().satisfies(run -> assertThat(run.summary())
                .startsWith("1 file(s) imported (1 rows accepted, 0 rejected), 1 refused; 1 period(s) paid"));

        // the same file sent again lands beside the first, not over it
        SmallCouncil.write(inbox.resolve("week.csv"), SmallCouncil.TIMESHEET_HEADER
                + "M1,SU1,2026-10-19,10:00,12:00,0,,\n");
        nightly.runIfFree(NightlyRun.Trigger.COMMAND, null,
                new Nightly.Places(AS_OF, inbox, dir.resolve("reference"), OUT)).orElseThrow();
        assertThat(processed.resolve("week-2.csv")).exists();
    }
}
