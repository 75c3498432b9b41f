package org.peerpay.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.support.CouncilTest;
import org.peerpay.support.OwnPeerPay;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A backup of the running database, restored by another PeerPay into an empty data directory: the ledger
 * reconciles there and a re-run pays nothing twice; a damaged backup, another data key and a database that is not
 * empty are each refused, saying what to do.
 */
class BackupsTests extends CouncilTest {

    @Autowired
    Backups backups;
    @Autowired
    PeriodClose periodClose;

    @Test
    void aBackupRestoredIntoAnEmptyDataDirectoryReconcilesAndPaysNothingTwice() throws Exception {
        smallCouncil(true);
        importShifts("4w08.csv", """
                M1,SU1,2026-10-19,10:00,12:00,0,,
                M1,SU2,2026-10-20,10:00,13:00,0,,
                """);
        periodClose.closePeriod(PayPeriod.parse("2026-27/4W08"), AS_OF, OUT);

        Path backup = dir.resolve("peerpay.backup.zip");
        Backups.Summary made = backups.backup(backup);
        assertThat(made.rows()).containsEntry("payslip", 2L).containsKey("journal_entry")
                .containsKey("batch_job_execution");

        Path restored = dir.resolve("restored");
        Run restore = peerpay(restored, dataKey, "restore", backup.toString());
        assertThat(restore.exit()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("Restored " + String.format("%,d", made.totalRows()) + " rows of "
                + made.rows().size() + " tables at schema version " + made.schemaVersion()).contains("The ledger"
                + " reconciles.");

        Run again = peerpay(restored, dataKey, "payroll", "--period", "2026-27/4W08");
        assertThat(again.output()).as(again.output()).contains("nothing has been released since, so there is"
                + " nothing to pay");

        Run over = peerpay(restored, dataKey, "restore", backup.toString());
        assertThat(over.exit()).isEqualTo(2);
        assertThat(over.output()).contains("The database is not empty");
    }

    @Test
    void aDamagedBackupOrAnotherDataKeyIsRefusedAndNothingIsLoaded() throws Exception {
        smallCouncil(true);
        Path backup = dir.resolve("peerpay.backup.zip");
        backups.backup(backup);

        Run otherKey = peerpay(dir.resolve("other-key"), "b3RoZXIta2V5LW90aGVyLWtleS1vdGhlci1rZXktMzI=", "restore",
                backup.toString());
        assertThat(otherKey.exit()).isEqualTo(2);
        assertThat(otherKey.output()).contains("was made with another data key").contains("Put that key in place"
                + " first");

        byte[] bytes = Files.readAllBytes(backup);
        bytes[bytes.length / 3] ^= 0x55;
        Path damaged = dir.resolve("damaged.zip");
        Files.write(damaged, bytes);
        Run refused = peerpay(dir.resolve("damaged"), dataKey, "restore", damaged.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.output()).containsAnyOf("is damaged", "is not a PeerPay backup")
                .doesNotContain("Restored");
    }

    record Run(int exit, String output) {
    }

    /** Another PeerPay on a data directory of its own, as an operator runs it. */
    private Run peerpay(Path dataDir, String key, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(dir, "peerpay", ".log");
        Process running = OwnPeerPay.start(dataDir, dir.resolve("out"), Map.of("PEERPAY_DATA_KEY", key), log, args);
        assertThat(running.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Run(running.exitValue(), Files.readString(log));
    }
}
