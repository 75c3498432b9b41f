package org.peerpay.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.peerpay.audit.AuditLog;
import org.peerpay.exceptions.Exceptions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The exceptions queue: what a pay run or an import raised for the user's service users (below floor, overspend,
 * surplus, plan exceeded, no tax code...), those not yet acknowledged first; each acknowledged with a note, in the
 * audit log.
 */
@Controller
class ExceptionPages {

    static final int SHOWN = 500;

    private final Exceptions exceptions;
    private final Caseloads caseloads;
    private final AuditLog audit;

    ExceptionPages(Exceptions exceptions, Caseloads caseloads, AuditLog audit) {
        this.exceptions = exceptions;
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
}
