package org.peerpay.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.peerpay.audit.AuditLog;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.payroll.ExceptionHolds;
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
    private final AuditLog audit;
    private final ExceptionHolds holds;

    ExceptionPages(Exceptions exceptions, Caseloads caseloads, AuditLog audit, ExceptionHolds holds) {
        this.exceptions = exceptions;
        this.holds = holds;
        this.caseloads = caseloads;
        this.audit = audit;
    }

    @GetMapping("/exceptions")
    String queue(Principal principal, Model model) {
        model.addAttribute("exceptions", exceptions.queue(caseloads.of(principal), SHOWN));
        return "exceptions";
    }

    @PostMapping("/exceptions/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @RequestParam(defaultValue = "") String note, Principal principal,
                       HttpServletRequest request, Model model) {
        if (note.isBlank()) {
            model.addAttribute("problem", "Say what was done about it, or why nothing needs doing");
            model.addAttribute("problemId", id);
            return queue(principal, model);
        }
        if (!exceptions.acknowledge(id, principal.getName(), note.strip(), caseloads.of(principal))) {
            throw new NotFound();
        }
        audit.record(principal.getName(), "acknowledged an exception", "exception " + id + ": " + note.strip(),
                request.getRemoteAddr());
        return "redirect:/exceptions";
    }

    /** Holds the unpaid shifts the exception is about, until released. */
    @PostMapping("/exceptions/{id}/hold")
    String hold(@PathVariable long id, Principal principal, HttpServletRequest request, Model model,
                RedirectAttributes redirect) {
        int held;
        try {
            held = holds.hold(id, principal.getName(), caseloads.of(principal)).orElseThrow(NotFound::new);
        } catch (UserFacingException nothing) {
            model.addAttribute("problem", nothing.getMessage());
            model.addAttribute("problemId", id);
            return queue(principal, model);
        }
        audit.record(principal.getName(), "held shifts", "exception " + id + ": " + held + " shift(s)",
                request.getRemoteAddr());
        redirect.addFlashAttribute("done", held + " shift(s) held for exception " + id + ". Pay runs leave them"
                + " unpaid until you release them.");
        return "redirect:/exceptions";
    }

    @PostMapping("/exceptions/{id}/release")
    String release(@PathVariable long id, Principal principal, HttpServletRequest request,
                   RedirectAttributes redirect) {
        int released = holds.release(id, principal.getName(), caseloads.of(principal)).orElseThrow(NotFound::new);
        audit.record(principal.getName(), "released a hold", "exception " + id + ": " + released + " shift(s)",
                request.getRemoteAddr());
        redirect.addFlashAttribute("done", released + " shift(s) released for exception " + id + ". The next pay"
                + " run pays them.");
        return "redirect:/exceptions";
    }
}
