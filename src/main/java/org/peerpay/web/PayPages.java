package org.peerpay.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import org.peerpay.payroll.PayRuns;
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
    private final Clock clock;
    private final Actions actions;

    PayPages(PayRuns payRuns, Clock clock, Actions actions) {
        this.payRuns = payRuns;
        this.clock = clock;
        this.actions = actions;
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
        try {
            actions.startPayRun(period, actions.who(principal, request));
        } catch (UserFacingException problem) {
            model.addAttribute("problem", problem.getMessage());
            return periods(model);
        }
        redirect.addFlashAttribute("started", "The pay run of " + period + " has started. This page follows it to"
                + " its end.");
        return "redirect:/finance/jobs";
    }
}
