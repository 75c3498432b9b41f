package org.peerpay.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.peerpay.operations.Backups;
import org.peerpay.payroll.LedgerCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent snapshot of the database to FILE (a zip: every table as of one moment,"
                + " the schema version, checksums). It may run while PeerPay works. The data key is not in it: keep"
                + " the data directory's data.key (or PEERPAY_DATA_KEY) safe beside your backups.")
class BackupCommand extends CliCommand {

    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
        Backups.Summary backup = bean(Backups.class).backup(file);
        out().printf("Backed up %,d rows of %d tables at schema version %s to %s%n", backup.totalRows(),
                backup.rows().size(), backup.schemaVersion(), backup.file());
        return 0;
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Load a backup made by peerpay backup into an empty data directory (PEERPAY_DATA_DIR set"
                    + " to a new folder), with the data key it was made with in place; then check the ledger.")
    static class Restore extends CliCommand {

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            Backups.Summary restored = bean(Backups.class).restore(file);
            out().printf("Restored %,d rows of %d tables at schema version %s from %s%n", restored.totalRows(),
                    restored.rows().size(), restored.schemaVersion(), restored.file());
            LedgerCheck.Report ledger = bean(LedgerCheck.class).run(LocalDate.now(bean(Clock.class)));
            out().println(ledger.reconciles() ? "The ledger reconciles." : "The ledger does NOT reconcile: "
                    + String.join("; ", ledger.breaches()));
            return ledger.reconciles() ? 0 : 1;
        }
    }
}
