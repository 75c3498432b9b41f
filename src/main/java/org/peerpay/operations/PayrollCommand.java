package org.peerpay.operations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.peerpay.budgets.BudgetStatements;
import org.peerpay.ledger.Ledger;
import org.peerpay.payroll.PayPeriod;
import org.peerpay.payroll.PayRuns;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "payroll", mixinStandardHelpOptions = true,
        description = "Run (or resume) the pay run of one pay period, then write its budget statements. A period"
                + " already paid is paid again only for shifts released from hold (a supplementary run).",
        subcommands = PayrollCommand.Release.class)
class PayrollCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--period", required = true, paramLabel = "ID",
            description = "the pay period, like 2026-27/4W08 (four-weekly period 8 of 2026/27)")
    PayPeriod period;

    private final PayRuns payRuns;
    private final Ledger ledger;
    private final BudgetStatements statements;
    private final PeerPayProperties properties;
    private final Clock clock;

    PayrollCommand(PayRuns payRuns, Ledger ledger, BudgetStatements statements, PeerPayProperties properties,
                   Clock clock) {
        this.payRuns = payRuns;
        this.ledger = ledger;
        this.statements = statements;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PayPeriod payPeriod = period;
        if (!payPeriod.end().isBefore(LocalDate.now(clock))) {
            throw new UserFacingException(payPeriod.id() + " has not ended yet (it ends on " + payPeriod.end()
                    + "): its shifts are not all in. Pay it after that day.");
        }
        var out = spec.commandLine().getOut();
        ledger.postFunding();
        out.println("Pay run " + payPeriod.id());
        PayRuns.Summary summary = payRuns.pay(payPeriod);
        PayRunReport.print(out, summary);
        if (summary.ran()) {
            int written = statements.write(payPeriod, properties.outDir());
            out.println("    statements: " + written + " in " + BudgetStatements.directory(properties.outDir(),
                    payPeriod));
        }
        return 0;
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Release shifts a pay run held under the wage floor, so that the next run of the period"
                    + " (payroll --period ID) pays them at the floor.")
    static class Release implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--period", required = true, paramLabel = "ID")
        PayPeriod period;

        @Option(names = "--employment", paramLabel = "REF", description = "only this employment's shifts")
        String employment;

        private final PayRuns payRuns;

        Release(PayRuns payRuns) {
            this.payRuns = payRuns;
        }

        @Override
        public Integer call() {
            PayPeriod payPeriod = period;
            int released = payRuns.release(payPeriod, employment);
            spec.commandLine().getOut().println(released == 0
                    ? "Nothing held in " + payPeriod.id() + (employment == null ? "" : " for " + employment) + "."
                    : released + " shift(s) released; run payroll --period " + payPeriod.id() + " to pay them.");
            return 0;
        }
    }
}
