package org.peerpay.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.support.SmallCouncil;

class NightlyCommandTests extends CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void runsTheMainJobOnTheSampleDataAndSaysWhatItDid() {
        int exit = peerpay("nightly", "--as-of", "2026-11-23", "--out", OUT.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("PeerPay nightly run as of 2026-11-23")
                .contains("service-users.csv          40 rows: 40 new")
                .contains("rejected by reason: MALFORMED 1, BAD_DATE 1, BAD_TIME 1, NOT_POSITIVE 1, TOO_LONG 1,"
                        + " FUTURE_DATE 1, UNKNOWN_MENTOR 1, UNKNOWN_SERVICE_USER 1, NO_EMPLOYMENT 1, DUPLICATE 1,"
                        + " OVERLAP 1")
                .containsPattern("total\\s+351\\s+340\\s+11\\s+1\\s+8")
                .contains("Done.");
        assertThat(OUT.resolve("imports/2026-11-15-fortnight-4.csv.rejects.csv")).exists();
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line", Integer.class)).isEqualTo(340);
    }

    @Test
    void importsNothingTwice() {
        peerpay("nightly", "--as-of", "2026-11-23", "--out", OUT.toString());
        out.getBuffer().setLength(0);

        int exit = peerpay("nightly", "--as-of", "2026-11-23", "--out", OUT.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("2026-10-04-fortnight-1.csv       already imported on")
                .contains("40 rows: 0 new, 0 changed, 40 unchanged");
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line", Integer.class)).isEqualTo(340);
    }

    @Test
    void importExitsTwoForARefusedFileAndStillImportsTheOthers() {
        peerpay("reference", "load", SmallCouncil.writeReference(dir.resolve("reference")).toString());
        Path good = SmallCouncil.write(dir.resolve("good.csv"), SmallCouncil.TIMESHEET_HEADER
                + "M1,SU1,2026-11-02,10:00,12:00,0,walk,\n");
        Path empty = SmallCouncil.write(dir.resolve("empty.csv"), "");

        int exit = peerpay("import", "--as-of", "2026-11-23", empty.toString(), good.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(out.toString()).contains("REFUSED empty.csv is empty").containsPattern("good.csv\\s+1\\s+1\\s+0");
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line", Integer.class)).isEqualTo(1);
    }

    @Test
    void referenceLoadExitsTwoNamingTheBadCell() {
        SmallCouncil.writeReference(dir);
        SmallCouncil.write(dir.resolve("funding.csv"), "service_user_ref,date,amount,source\nSU1,2026-04-01,12.345,council\n");

        int exit = peerpay("reference", "load", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("funding.csv row 2, column amount: has more than two decimal places");
    }

    @Test
    void badUsageExitsTwo() {
        assertThat(peerpay("import")).isEqualTo(2);
        assertThat(peerpay("nightly", "--as-of", "yesterday")).isEqualTo(2);
        assertThat(Files.exists(OUT.resolve("imports"))).isFalse();
    }
}
