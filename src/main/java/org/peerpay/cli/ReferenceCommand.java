package org.peerpay.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.peerpay.budgets.Budgets;
import org.peerpay.reference.FileLoad;
import org.peerpay.reference.ReferenceDataLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "reference", description = "Reference data.", subcommands = ReferenceCommand.Load.class)
class ReferenceCommand {

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Upsert service users, mentors, employments, rates, budgets and funding from the CSV"
                    + " files of a directory. Each file loads whole or not at all. Funding received by today is"
                    + " posted to the ledger.")
    static class Load extends CliCommand {

        @Parameters(paramLabel = "DIR", description = "directory holding service-users.csv, mentors.csv, ...")
        Path directory;

        @Override
        public Integer call() {
            var out = out();
            out.println("Reference data from " + directory);
            for (FileLoad load : bean(ReferenceDataLoader.class).load(directory)) {
                out.println("  " + load);
            }
            LocalDate today = LocalDate.now(bean(Clock.class));
            PayRunReport.funding(out, bean(Budgets.class).postFunding(today), today);
            return 0;
        }
    }
}
