package org.peerpay.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.system.UserFacingException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The exceptions queue: what a pay run or an import raised for the user's service users (below floor, overspend,
 * surplus, plan exceeded, no tax code...), those not yet acknowledged first; each acknowledged with a note, and the
 * shifts it is about held from pay and released, each in the audit log.
 */
@Controller
class ExceptionPages {

    static final int SHOWN = 500;

    private final Exceptions exceptions;
    private final Caseloads caseloads;
    private final Actions actions;

    ExceptionPages(Exceptions exceptions, Caseloads caseloads, Actions actions) {
        this.exceptions = exceptions;
        this.caseloads = caseloads;
        this.actions = actions;
    }

    @GetMapping("/exceptions")
    String queue(Principal principal, Model model) {
        model.addAttribute("exceptions", exceptions.queue(caseloads.of(principal), SHOWN));
        return "exceptions";
    }

    @PostMapping("/exceptions/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @RequestParam(defaultValue = "") String note, Principal principal,
                       HttpServletRequest request, Model model) {
        try {
            actions.acknowledge(id, note, actions.who(principal, request));
        } catch (UserFacingException problem) {
            return problem(id, problem, principal, model);
        }
        return "redirect:/exceptions";
    }

    /** Holds the unpaid shifts the exception is about, until released. */
    @PostMapping("/exceptions/{id}/hold")
    String hold(@PathVariable long id, Principal principal, HttpServletRequest request, Model model,
                RedirectAttributes redirect) {
        int held;
        try {
            held = actions.hold(id, actions.who(principal, request));
        } catch (UserFacingException nothing) {
            return problem(id, nothing, principal, model);
        }
        redirect.addFlashAttribute("done", held + " shift(s) held for exception " + id + ". Pay runs leave them"
                + " unpaid until you release them.");
        return "redirect:/exceptions";
    }

    @PostMapping("/exceptions/{id}/release")
    String release(@PathVariable long id, Principal principal, HttpServletRequest request,
                   RedirectAttributes redirect) {
        int released = actions.release(id, actions.who(principal, request));
        redirect.addFlashAttribute("done", released + " shift(s) released for exception " + id + ". The next pay"
                + " run pays them.");
        return "redirect:/exceptions";
    }

    private String problem(long id, UserFacingException problem, Principal principal, Model model) {
        model.addAttribute("problem", problem.getMessage());
        model.addAttribute("problemId", id);
        return queue(principal, model);
    }
}
