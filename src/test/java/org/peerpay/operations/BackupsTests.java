package org.peerpay.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.peerpay.system.UserFacingException;
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

        // a damaged file is refused before anything touches the database (as a UserFacingException, which the
        // command line turns into exit 2, as the other key's refusal above shows), so these run in this process
        Path altered = dir.resolve("altered.zip");
        rewrite(backup, altered, "data/employment.copy");
        assertThatThrownBy(() -> backups.restore(altered)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("is damaged: the copy of employment does not match its checksum");

        byte[] bytes = Files.readAllBytes(backup);
        int name = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(Backups.MANIFEST);
        bytes[name + 3] = (byte) 0xFF; // the entry's name no longer UTF-8
        Path damaged = dir.resolve("damaged.zip");
        Files.write(damaged, bytes);
        assertThatThrownBy(() -> backups.restore(damaged)).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("is not a PeerPay backup");
    }

    /** A copy of a backup whose entry of this name has one byte in the middle of its content changed. */
    private static void rewrite(Path backup, Path copy, String entryName) throws IOException {
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(backup));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(copy))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(entryName)) {
                    content[content.length / 2] ^= 0x55;
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
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
