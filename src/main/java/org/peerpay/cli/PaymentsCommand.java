package org.peerpay.cli;

import java.time.LocalDate;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.filing.Payments;
import org.peerpay.money.Gbp;
import org.peerpay.system.PeerPayProperties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "payments", description = "Paying out what the pay runs made owed.",
        subcommands = {PaymentsCommand.Files.class, PaymentsCommand.Confirm.class})
class PaymentsCommand {

    @Command(name = "files", mixinStandardHelpOptions = true,
            description = "Write (again) a period's payment files under out/payments/<period>/: pain.001.xml and"
                    + " bank-payments.csv (net pay from each budget's bank account to each mentor's) and"
                    + " pension-contributions.csv.")
    static class Files extends CliCommand {

        @Option(names = "--period", required = true, paramLabel = "ID",
                description = "the pay period, like 2026-27/4W08")
        PayPeriod period;

        @Override
        public Integer call() {
            Payments.Outcome outcome = bean(Payments.class).writeFiles(period, bean(PeerPayProperties.class).outDir());
            PayRunReport.payments(out(), outcome);
            outcome.files().forEach(file -> out().println("  " + file));
            return 0;
        }
    }

    @Command(name = "confirm", mixinStandardHelpOptions = true,
            description = "Record that the bank paid what a period's payslips made owed (net pay by default), on a"
                    + " day: the ledger settles each still owed from the budget's bank account, once.")
    static class Confirm extends CliCommand {

        @Option(names = "--period", required = true, paramLabel = "ID",
                description = "the pay period, like 2026-27/4W08")
        PayPeriod period;

        @Option(names = "--run", paramLabel = "N", description = "only this run of the period (default: all)")
        Integer run;

        @Option(names = "--service-user", paramLabel = "REF", description = "only this employer's payslips")
        String serviceUser;

        @Option(names = "--what", paramLabel = "WHAT", defaultValue = "net-pay",
                description = "net-pay (to the mentors), hmrc (PAYE and NIC) or pension (to the scheme)")
        String what;

        @Option(names = "--paid-on", required = true, paramLabel = "DATE", description = "the day the bank paid")
        LocalDate paidOn;

        @Override
        public Integer call() {
            Payments.Liability liability = switch (what) {
                case "net-pay" -> Payments.Liability.NET_PAY;
                case "hmrc" -> Payments.Liability.HMRC;
                case "pension" -> Payments.Liability.PENSION;
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--what must be net-pay, hmrc or pension, not '" + what + "'");
            };
            Payments.Confirmed confirmed = bean(Payments.class).confirm(period, run, serviceUser, liability, paidOn);
            out().println(confirmed.settled() + " payslip(s) settled, " + Gbp.format(confirmed.total()) + " paid on "
                    + paidOn + (confirmed.nothingOwed() > 0 ? "; " + confirmed.nothingOwed()
                    + " owed nothing more (settled before, or nothing was due)" : ""));
            return 0;
        }
    }
}
