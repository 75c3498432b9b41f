package org.peerpay.operations;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.peerpay.ledger.Ledger;
import org.peerpay.reference.FileLoad;
import org.peerpay.reference.ReferenceDataLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "reference", description = "Reference data.", subcommands = ReferenceCommand.Load.class)
class ReferenceCommand {

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Upsert service users, mentors, employments, rates, budgets and funding from the CSV"
                    + " files of a directory. Each file loads whole or not at all.")
    static class Load implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "directory holding service-users.csv, mentors.csv, ...")
        Path directory;

        private final ReferenceDataLoader loader;
        private final Ledger ledger;

        Load(ReferenceDataLoader loader, Ledger ledger) {
            this.loader = loader;
            this.ledger = ledger;
        }

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            out.println("Reference data from " + directory);
            for (FileLoad load : loader.load(directory)) {
                out.println("  " + load);
            }
            int posted = ledger.postFunding();
            if (posted > 0) {
                out.println("  " + posted + " funding entr" + (posted == 1 ? "y" : "ies") + " posted to the ledger");
            }
            return 0;
        }
    }
}
