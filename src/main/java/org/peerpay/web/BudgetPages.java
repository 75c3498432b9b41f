package org.peerpay.web;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.peerpay.budgets.BudgetStatement;
import org.peerpay.budgets.BudgetStatements;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.payroll.PayRuns;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The budgets dashboard: each service user's budget over a paid pay period (the latest by default), from the same
 * statements as {@code peerpay statements}. A coordinator sees their caseload only; finance staff and admins see all.
 */
@Controller
class BudgetPages {

    private final BudgetStatements statements;
    private final PayRuns payRuns;
    private final Caseloads caseloads;

    BudgetPages(BudgetStatements statements, PayRuns payRuns, Caseloads caseloads) {
        this.statements = statements;
        this.payRuns = payRuns;
        this.caseloads = caseloads;
    }

    @GetMapping("/budgets")
    String dashboard(@RequestParam(required = false) String period, @RequestParam(required = false) String flag,
                     Principal principal, Model model) {
        List<PayPeriod> paid = payRuns.paidPeriods();
        Optional<PayPeriod> shown = period == null || period.isBlank() ? paid.stream().findFirst()
                : paid.stream().filter(p -> p.id().equals(period)).findFirst();
        model.addAttribute("periods", paid);
        model.addAttribute("period", shown.orElse(null));
        model.addAttribute("flag", flag);
        if (shown.isEmpty()) {
            model.addAttribute("rows", List.of());
            return "budgets";
        }
        Set<String> caseload = caseloads.of(principal);
        List<BudgetStatement> rows = statements.forPeriod(shown.get()).stream()
                .filter(s -> caseload == null || caseload.contains(s.serviceUserRef()))
                .filter(s -> flag == null || flag.isBlank() || s.flags().contains(flag))
                .sorted(Comparator.comparing(BudgetStatement::closingBalance))
                .toList();
        model.addAttribute("rows", rows);
        return "budgets";
    }
}
