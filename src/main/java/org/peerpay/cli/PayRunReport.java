package org.peerpay.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.peerpay.calendar.Dates;
import org.peerpay.filing.HmrcAccount;
import org.peerpay.filing.Payments;
import org.peerpay.filing.RtiFilings;
import org.peerpay.money.Gbp;
import org.peerpay.payroll.LedgerCheck;
import org.peerpay.payroll.PayRuns;
import org.peerpay.payroll.PeriodClose;

/** How closing pay periods is told to the person who ran it, in the order it happened. */
final class PayRunReport {


    private PayRunReport() {
    }

    /** Prints the funding posted, each period's run and statements, and the ledger check; true if it reconciles. */
    static boolean print(PrintWriter out, PeriodClose.Outcome outcome) {
        out.println("Ledger");
        funding(out, outcome.fundingPosted(), outcome.asOf());
        out.println();
        out.println("Pay runs (periods that ended before " + Dates.forPeople(outcome.asOf()) + ")");
        if (outcome.periods().isEmpty()) {
            out.println("  Nothing to pay: every period that has ended is paid.");
        }
        for (PeriodClose.Closed closed : outcome.periods()) {
            run(out, closed.run());
            if (closed.statementsDirectory() != null) {
                out.println("    statements: " + closed.statements() + " in " + closed.statementsDirectory());
            }
            if (closed.fps() != null) {
                fps(out, closed.fps());
            }
            if (closed.payments() != null) {
                payments(out, closed.payments());
            }
            closed.p45s().forEach(p45 -> out.println("    P45:        " + p45 + " (a leaver's final pay: give it to"
                    + " them)"));
        }
        outcome.hmrc().forEach(hmrc -> hmrcAccount(out, hmrc));
        out.println();
        LedgerCheck.Report check = outcome.ledger();
        out.println(check.reconciles() ? "Ledger reconciles (" + String.join("; ", check.checked()) + ")."
                : "LEDGER BREACH: " + String.join("; ", check.breaches()) + " (run ledger check for the list)");
        return check.reconciles();
    }

    /** The FPS files written for HMRC, and any employer left without one, with why. */
    static void fps(PrintWriter out, RtiFilings.Outcome fps) {
        out.println("    HMRC FPS:   " + fps.written().size() + " in " + fps.directory() + " (each passes HMRC's schema and business rules; send them with your RTI filing software)");
        if (!fps.notRegistered().isEmpty()) {
            out.println("                not registered with HMRC (no PAYE reference), nothing to file: "
                    + listed(fps.notRegistered()));
        }
        fps.problems().forEach(problem -> out.println("    FPS NOT WRITTEN: " + problem));
    }

    /** References for a line: all of up to ten, else the first ten and how many more. */
    static String listed(java.util.List<String> refs) {
        return refs.size() <= 10 ? String.join(", ", refs) : String.join(", ", refs.subList(0, 10)) + " and "
                + String.format("%,d", refs.size() - 10) + " more";
    }

    /** The bank and pension files written, and any payment left out of them, with why. */
    static void payments(PrintWriter out, Payments.Outcome payments) {
        out.println("    payments:   " + payments.transfers() + " net pay transfer(s), " + Gbp.format(payments.total())
                + ", in " + payments.directory() + " (pain.001 for the bank, bank-payments.csv for its bulk upload,"
                + " pension-contributions.csv for the scheme; once the bank has paid: peerpay payments confirm)");
        payments.problems().forEach(problem -> out.println("    NOT IN THE BANK FILES: " + problem));
    }

    /** The tax year's P32 and the EPSs written. */
    static void hmrcAccount(PrintWriter out, HmrcAccount.Outcome hmrc) {
        out.println("  HMRC account " + hmrc.taxYear() + ": P32 in " + hmrc.p32() + "; " + hmrc.eps().size()
                + " EPS (Employment Allowance claims, months with no payment) in " + hmrc.p32().getParent());
        hmrc.problems().forEach(problem -> out.println("    EPS NOT WRITTEN: " + problem));
        if (!hmrc.p60s().isEmpty()) {
            out.println("    P60s:       " + hmrc.p60s().size() + " in " + hmrc.p60s().get(0).getParent()
                    + " (the year is over: give each employee theirs by 31 May)");
        }
    }

    static void funding(PrintWriter out, int posted, LocalDate asOf) {
        out.println("  " + (posted == 0 ? "no new funding" : posted + " funding entr" + (posted == 1 ? "y" : "ies"))
                + " posted (funding received by " + Dates.forPeople(asOf) + "; later funding waits for its day)");
    }

    private static void run(PrintWriter out, PayRuns.Summary s) {
        if (!s.ran()) {
            out.println("  " + s.note());
            return;
        }
        out.printf("  %s%s, paid %s: %d payslip(s), gross %s, net %s, employer cost %s, %d budget(s) charged%n",
                s.period().id(), s.runNumber() > 1 ? " (supplementary run " + s.runNumber() + ")" : "",
                Dates.forPeople(s.payDate()), s.payslips(), Gbp.format(s.gross()), Gbp.format(s.net()),
                Gbp.format(s.employerCost()), s.budgetsCharged());
        if (s.shiftsHeld() > 0) {
            out.printf("    %d shift(s) held under the floor: release them with payroll release --period %s%n",
                    s.shiftsHeld(), s.period().id());
        }
        out.println("    exceptions: " + (s.exceptions().isEmpty() ? "none" : s.exceptions().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        out.println("    payslips:   " + s.payslipsFile() + " (and a PDF per payslip beside it)");
        out.println("    exceptions: " + s.exceptionsFile());
    }
}
