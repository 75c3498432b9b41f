package org.peerpay.cli;

import java.time.Clock;
import java.time.LocalDate;
import org.peerpay.payroll.LedgerCheck;
import picocli.CommandLine.Command;

@Command(name = "ledger", description = "The budget ledger.", subcommands = LedgerCommand.Check.class)
class LedgerCommand {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Verify the ledger: every entry balances, every budget's balance equals its funding"
                    + " received by today less its charges, every payslip is charged once, each period's charges equal its payslips'"
                    + " employer costs. Exits 1 on any breach.")
    static class Check extends CliCommand {

        @Override
        public Integer call() {
            var out = out();
            LedgerCheck.Report report = bean(LedgerCheck.class).run(LocalDate.now(bean(Clock.class)));
            out.println("Ledger check");
            report.checked().forEach(line -> out.println("  checked: " + line));
            if (report.reconciles()) {
                out.println("The ledger reconciles.");
                return 0;
            }
            report.breaches().forEach(line -> out.println("  BREACH: " + line));
            out.println(report.breaches().size() + " breach(es) found.");
            return 1;
        }
    }
}
