package org.peerpay.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.filing.HmrcAccount;
import org.peerpay.filing.RtiFilings;
import org.peerpay.filing.RtiValidator;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rti", description = "Real Time Information for HMRC.",
        subcommands = {RtiCommand.Fps.class, RtiCommand.Account.class, RtiCommand.Validate.class})
class RtiCommand {

    @Command(name = "fps", mixinStandardHelpOptions = true,
            description = "Write the Full Payment Submission of each employer paid by each completed run of a pay"
                    + " period, under out/rti/<period>/, each checked against HMRC's schema and business rules first."
                    + " Exits 1 when an employer's FPS could not be written (it says why and what to add).")
    static class Fps extends CliCommand {

        @Option(names = "--period", required = true, paramLabel = "ID",
                description = "the pay period, like 2026-27/4W08")
        PayPeriod period;

        @Override
        public Integer call() {
            var outDir = bean(PeerPayProperties.class).outDir();
            RtiFilings.Outcome outcome = bean(RtiFilings.class).writeFps(period, outDir);
            outcome.written().forEach(w -> out().println("  " + w.file() + ": " + w.employments() + " employment(s)"
                    + (w.finalForYear() ? ", final submission for the year" : "") + ", IRmark " + w.irMark()));
            outcome.problems().forEach(problem -> out().println("  NOT WRITTEN: " + problem));
            if (!outcome.notRegistered().isEmpty()) {
                out().println("  not registered with HMRC as employers (no PAYE reference), so nothing to file: "
                        + PayRunReport.listed(outcome.notRegistered()));
            }
            out().println(outcome.written().size() + " FPS file(s) for " + period.id() + " in "
                    + outcome.directory() + (outcome.problems().isEmpty() ? ""
                    : "; " + outcome.problems().size() + " employer(s) without one"));
            return outcome.problems().isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "account", mixinStandardHelpOptions = true,
            description = "Write a tax year's HMRC account under out/rti/<tax year>/: p32.csv (per employer and tax"
                    + " month: PAYE, NIC, Employment Allowance, net due and its due date) and the EPSs due by the"
                    + " as-of date (Employment Allowance claims; months with no payment).")
    static class Account extends CliCommand {

        @Option(names = "--tax-year", required = true, paramLabel = "YEAR", description = "like 2026-27")
        String taxYear;

        @Option(names = "--as-of", paramLabel = "DATE", description = "EPSs for months ended before it (default:"
                + " today)")
        java.time.LocalDate asOf;

        @Override
        public Integer call() {
            var outDir = bean(PeerPayProperties.class).outDir();
            var day = asOf != null ? asOf : java.time.LocalDate.now(bean(java.time.Clock.class));
            HmrcAccount.Outcome outcome = bean(HmrcAccount.class).write(taxYear, day, outDir);
            PayRunReport.hmrcAccount(out(), outcome);
            return outcome.problems().isEmpty() ? 0 : 1;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check RTI files (FPS or EPS) as HMRC would: envelope and message schemas, HMRC's FPS"
                    + " business rules, the IRmark. Needs no database. Exits 1 when any file fails.")
    static class Validate extends CliCommand {

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "the files to check")
        List<Path> files;

        @Override
        public Integer call() {
            RtiValidator validator = new RtiValidator();
            int failed = 0;
            for (Path file : files) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new UserFacingException("Cannot read " + file + ": " + e.getMessage());
                }
                RtiValidator.Report report = validator.check(bytes);
                if (report.passes()) {
                    out().println(file + ": passes (" + report.message() + " " + report.taxYear() + ", checked"
                            + " against " + report.checkedAgainst() + ")");
                } else {
                    failed++;
                    out().println(file + ": FAILS (" + report.problems().size() + " problem(s), checked against "
                            + report.checkedAgainst() + ")");
                    report.problems().forEach(problem -> out().println("  " + problem));
                }
            }
            return failed == 0 ? 0 : 1;
        }
    }
}
