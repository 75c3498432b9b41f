package org.peerpay.payroll;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.peerpay.budgets.BudgetStatements;
import org.peerpay.budgets.Budgets;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.filing.HmrcAccount;
import org.peerpay.filing.Payments;
import org.peerpay.filing.RtiFilings;
import org.peerpay.filing.StatutoryForms;
import org.peerpay.system.UserFacingException;
import org.springframework.stereotype.Service;

/**
 * Closing pay periods, in the one order that the nightly run, the {@code payroll} command and later the web all
 * follow: post the funding received by the day, pay each period (or resume its unfinished run), write its budget
 * statements, its Full Payment Submissions to HMRC and its payment files, then check the ledger.
 */
@Service
public class PeriodClose {

    private final Budgets budgets;
    private final PayRuns payRuns;
    private final BudgetStatements statements;
    private final LedgerCheck ledgerCheck;
    private final RtiFilings filings;
    private final Payments payments;
    private final HmrcAccount hmrcAccount;
    private final StatutoryForms forms;

    PeriodClose(Budgets budgets, PayRuns payRuns, BudgetStatements statements, LedgerCheck ledgerCheck,
                RtiFilings filings, Payments payments, HmrcAccount hmrcAccount, StatutoryForms forms) {
        this.forms = forms;
        this.payments = payments;
        this.hmrcAccount = hmrcAccount;
        this.budgets = budgets;
        this.payRuns = payRuns;
        this.statements = statements;
        this.ledgerCheck = ledgerCheck;
        this.filings = filings;
    }

    /**
     * What closing did, in the order it happened.
     *
     * @param hmrc  the HMRC account (P32 and EPSs) of each tax year a period was paid in, rewritten
     * @param times how long the parts after the periods' closes took ("hmrc accounts", "ledger check")
     */
    public record Outcome(LocalDate asOf, int fundingPosted, List<Closed> periods, List<HmrcAccount.Outcome> hmrc,
                          LedgerCheck.Report ledger, Map<String, Duration> times) {
    }

    /**
     * One period's run, and the statements and HMRC filings written after it (none when the run had nothing to pay).
     *
     * @param fps      null when the run had nothing to pay
     * @param payments null when the run had nothing to pay
     * @param p45s     the P45 of each leaver whose final pay the period's runs paid
     * @param times    how long the parts after the run took ("statements", "fps", "payment files", "p45s")
     */
    public record Closed(PayRuns.Summary run, int statements, Path statementsDirectory, RtiFilings.Outcome fps,
                         Payments.Outcome payments, List<Path> p45s, Map<String, Duration> times) {
    }

    /** Pays every period that ended before {@code asOf} and is not paid yet, and every one with released shifts. */
    public Outcome closeEndedPeriods(LocalDate asOf, Path outDir) {
        int funding = budgets.postFunding(asOf);
        List<Closed> closed = new ArrayList<>();
        for (PayPeriod period : payRuns.periodsDue(asOf)) {
            closed.add(close(period, outDir));
        }
        return finish(asOf, funding, closed, outDir);
    }

    /**
     * Pays one period, which must have ended before {@code today}: its shifts are not all in before that.
     *
     * @throws UserFacingException when the period has not ended
     */
    public Outcome closePeriod(PayPeriod period, LocalDate today, Path outDir) {
        requireEnded(period, today);
        int funding = budgets.postFunding(today);
        return finish(today, funding, List.of(close(period, outDir)), outDir);
    }

    private Outcome finish(LocalDate asOf, int funding, List<Closed> closed, Path outDir) {
        Map<String, Duration> times = new LinkedHashMap<>();
        List<HmrcAccount.Outcome> hmrc = timed(times, "hmrc accounts", () -> hmrcAccounts(closed, asOf, outDir));
        LedgerCheck.Report ledger = timed(times, "ledger check", () -> ledgerCheck.run(asOf));
        return new Outcome(asOf, funding, closed, hmrc, ledger, times);
    }

    /** Does a part, recording how long it took under its name. */
    private static <T> T timed(Map<String, Duration> times, String part, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        times.put(part, Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    /** @throws UserFacingException when the period has not ended by {@code today}, so cannot be paid yet */
    public static void requireEnded(PayPeriod period, LocalDate today) {
        if (!period.end().isBefore(today)) {
            throw new UserFacingException(period.id() + " has not ended yet (it ends on " + period.end()
                    + "): its shifts are not all in. Pay it after that day.");
        }
    }

    /** Rewrites the HMRC account of each tax year a period was just paid in. */
    private List<HmrcAccount.Outcome> hmrcAccounts(List<Closed> closed, LocalDate asOf, Path outDir) {
        return closed.stream().filter(c -> c.run().ran()).map(c -> PayPeriod.containing(
                        c.run().period().frequency(), c.run().payDate()).taxYear()).distinct().sorted()
                .map(taxYear -> hmrcAccount.write(taxYear, asOf, outDir)).toList();
    }

    /**
     * Pays the period, then writes its statements and records the close; a run that completed but whose close did
     * not finish (the process stopped in between) has its statements written now.
     */
    private Closed close(PayPeriod period, Path outDir) {
        PayRuns.Summary run = payRuns.pay(period, outDir);
        if (!run.ran() && !payRuns.leftUnclosed(period)) {
            return new Closed(run, 0, null, null, null, List.of(), Map.of());
        }
        Map<String, Duration> times = new LinkedHashMap<>();
        int written = timed(times, "statements", () -> statements.write(period, outDir));
        RtiFilings.Outcome fps = timed(times, "fps", () -> filings.writeFps(period, outDir));
        Payments.Outcome paymentFiles = timed(times, "payment files", () -> payments.writeFiles(period, outDir));
        List<Path> p45s = timed(times, "p45s", () -> forms.writeP45s(period, outDir));
        payRuns.markClosed(period);
        return new Closed(run, written, BudgetStatements.directory(outDir, period), fps, paymentFiles, p45s, times);
    }
}
