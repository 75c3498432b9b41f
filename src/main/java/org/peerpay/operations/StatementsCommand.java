package org.peerpay.operations;

import java.util.concurrent.Callable;
import org.peerpay.budgets.BudgetStatements;
import org.peerpay.payroll.PayPeriod;
import org.peerpay.system.PeerPayProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "statements", mixinStandardHelpOptions = true,
        description = "Write the budget statements of a pay period: statements.csv and a PDF per service user.")
class StatementsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "ID", description = "the pay period, like 2026-27/4W08")
    PayPeriod period;

    private final BudgetStatements statements;
    private final PeerPayProperties properties;

    StatementsCommand(BudgetStatements statements, PeerPayProperties properties) {
        this.statements = statements;
        this.properties = properties;
    }

    @Override
    public Integer call() {
        PayPeriod payPeriod = period;
        int written = statements.write(payPeriod, properties.outDir());
        spec.commandLine().getOut().println(written + " budget statement(s) for " + payPeriod.id() + " in "
                + BudgetStatements.directory(properties.outDir(), payPeriod));
        return 0;
    }
}
