package org.peerpay.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.peerpay.audit.AuditLog;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.money.Gbp;
import org.peerpay.payroll.PayRuns;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pay periods for finance staff: those ended and not yet paid, each with a button that starts its pay run in the
 * background (the same period close as {@code peerpay payroll --period}), and the recent runs with their totals.
 */
@Controller
class PayPages {

    private final PayRuns payRuns;
    private final PeriodClose periodClose;
    private final PeerPayProperties properties;
    private final Clock clock;
    private final AuditLog audit;
    private final BackgroundWork background;

    PayPages(PayRuns payRuns, PeriodClose periodClose, PeerPayProperties properties, Clock clock, AuditLog audit,
             BackgroundWork background) {
        this.background = background;
        this.payRuns = payRuns;
        this.periodClose = periodClose;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    @GetMapping("/finance/pay")
    String periods(Model model) {
        model.addAttribute("due", payRuns.periodsDue(LocalDate.now(clock)));
        model.addAttribute("runs", payRuns.recentRuns(50));
        return "finance/pay";
    }

    /** Starts the period's pay run and shows the job runs page, which follows it to its end. */
    @PostMapping("/finance/pay")
    String pay(@RequestParam String period, Principal principal, HttpServletRequest request, Model model,
               RedirectAttributes redirect) {
        PayPeriod payPeriod;
        try {
            payPeriod = PayPeriod.parse(period);
            PeriodClose.requireEnded(payPeriod, LocalDate.now(clock));
        } catch (IllegalArgumentException | UserFacingException problem) {
            model.addAttribute("problem", problem.getMessage());
            return periods(model);
        }
        startPayRun(payPeriod, principal.getName());
        audit.record(principal.getName(), "ran pay", payPeriod.id(), request.getRemoteAddr());
        redirect.addFlashAttribute("started", "The pay run of " + payPeriod.id() + " has started. This page"
                + " follows it to its end.");
        return "redirect:/finance/jobs";
    }

    /** Pays the period (or finishes its unfinished run) in the background: the same close as the command line. */
    void startPayRun(PayPeriod period, String by) {
        background.start("Pay run of " + period.id(), by, () -> periodClose.closePeriod(period,
                LocalDate.now(clock), properties.outDir()).periods().stream().map(closed -> said(closed.run()))
                .collect(Collectors.joining(" ")));
    }

    /** What a run did, in a sentence. */
    private static String said(PayRuns.Summary run) {
        if (!run.ran()) {
            return run.note() + ".";
        }
        return run.period().id() + " paid: " + run.payslips() + " payslips, gross " + Gbp.format(run.gross())
                + ", employer cost " + Gbp.format(run.employerCost())
                + (run.shiftsHeld() > 0 ? ", " + run.shiftsHeld() + " shifts held under the wage floor" : "") + ".";
    }
}
