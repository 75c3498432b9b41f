package org.peerpay.cli;

import java.time.LocalDate;
import org.peerpay.operations.Retention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "retention", mixinStandardHelpOptions = true,
        description = "Apply the retention rules as of a day: records past both PAYE's (3 years after their tax year)"
                + " and the National Minimum Wage's (6 years; peerpay.retention.*) lose their free text and files,"
                + " and a mentor or service user with nothing kept is anonymised. Figures, the ledger and every"
                + " total stay as they were. Recorded in the audit log; doing it again changes nothing more.")
class RetentionCommand extends CliCommand {

    @Option(names = "--as-of", paramLabel = "DATE", required = true, description = "the day to apply them as of")
    LocalDate asOf;

    @Override
    public Integer call() {
        Retention.Summary done = bean(Retention.class).apply(asOf, "cli (" + System.getProperty("user.name") + ")");
        out().println("Retention " + done.says() + ".");
        return 0;
    }
}
