package org.peerpay.cli;

import java.time.Clock;
import java.time.LocalDate;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.payroll.PayRuns;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.system.PeerPayProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "payroll", mixinStandardHelpOptions = true,
        description = "Run (or resume) the pay run of one pay period, then write its budget statements and check"
                + " the ledger. A period already paid is paid again only for shifts released from hold (a"
                + " supplementary run). Exits 1 if the ledger does not reconcile.",
        subcommands = PayrollCommand.Release.class)
class PayrollCommand extends CliCommand {

    @Option(names = "--period", required = true, paramLabel = "ID",
            description = "the pay period, like 2026-27/4W08 (four-weekly period 8 of 2026/27)")
    PayPeriod period;

    @Override
    public Integer call() {
        PeriodClose.Outcome outcome = bean(PeriodClose.class).closePeriod(period, LocalDate.now(bean(Clock.class)),
                bean(PeerPayProperties.class).outDir());
        return PayRunReport.print(out(), outcome) ? 0 : 1;
    }

    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Release shifts a pay run held under the wage floor, so that the next run of the period"
                    + " (payroll --period ID) pays them at the floor.")
    static class Release extends CliCommand {

        @Option(names = "--period", required = true, paramLabel = "ID")
        PayPeriod period;

        @Option(names = "--employment", paramLabel = "REF", description = "only this employment's shifts")
        String employment;

        @Override
        public Integer call() {
            int released = bean(PayRuns.class).release(period, employment);
            out().println(released == 0
                    ? "Nothing held in " + period.id() + (employment == null ? "" : " for " + employment) + "."
                    : released + " shift(s) released; run payroll --period " + period.id() + " to pay them.");
            return 0;
        }
    }
}
