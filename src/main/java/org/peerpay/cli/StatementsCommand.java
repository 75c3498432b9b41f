package org.peerpay.cli;

import org.peerpay.budgets.BudgetStatements;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.system.PeerPayProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "statements", mixinStandardHelpOptions = true,
        description = "Write the budget statements of a pay period: statements.csv and a PDF per service user.")
class StatementsCommand extends CliCommand {

    @Option(names = "--period", required = true, paramLabel = "ID", description = "the pay period, like 2026-27/4W08")
    PayPeriod period;

    @Override
    public Integer call() {
        var outDir = bean(PeerPayProperties.class).outDir();
        int written = bean(BudgetStatements.class).write(period, outDir);
        out().println(written + " budget statement(s) for " + period.id() + " in "
                + BudgetStatements.directory(outDir, period));
        return 0;
    }
}
