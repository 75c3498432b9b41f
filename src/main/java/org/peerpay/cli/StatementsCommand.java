package org.peerpay.cli;

import java.time.Clock;
import java.time.LocalDate;
import org.peerpay.budgets.BudgetStatements;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.system.PeerPayProperties;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "statements", mixinStandardHelpOptions = true,
        description = "Write the budget statements of a pay period (statements.csv and a PDF per service user), or a"
                + " service user's annual statement for a tax year.")
class StatementsCommand extends CliCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static class Which {
        @Option(names = "--period", required = true, paramLabel = "ID",
                description = "the pay period, like 2026-27/4W08")
        PayPeriod period;

        @ArgGroup(exclusive = false)
        Annual annual;
    }

    static class Annual {
        @Option(names = "--year", required = true, paramLabel = "YEAR", description = "the tax year, like 2026-27")
        String year;

        @Option(names = "--service-user", required = true, paramLabel = "REF", description = "the service user")
        String serviceUser;
    }

    @Override
    public Integer call() {
        var outDir = bean(PeerPayProperties.class).outDir();
        BudgetStatements statements = bean(BudgetStatements.class);
        if (which.period != null) {
            int written = statements.write(which.period, outDir);
            out().println(written + " budget statement(s) for " + which.period.id() + " in "
                    + BudgetStatements.directory(outDir, which.period));
            return 0;
        }
        BudgetStatements.Annual annual = statements.writeAnnual(which.annual.year, which.annual.serviceUser,
                LocalDate.now(bean(Clock.class)), outDir);
        out().println("Annual statement " + annual.taxYear() + " of " + annual.serviceUserRef() + ": "
                + annual.periods().size() + " pay period(s), in " + annual.pdf() + " and " + annual.csv());
        return 0;
    }
}
