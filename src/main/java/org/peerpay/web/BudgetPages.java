package org.peerpay.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import org.peerpay.people.People;
import org.peerpay.budgets.BudgetStatement;
import org.peerpay.budgets.BudgetStatements;
import org.peerpay.budgets.Budgets;
import org.peerpay.csv.CsvOutput;
import org.peerpay.exceptions.ExceptionType;
import org.peerpay.money.Gbp;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The budgets dashboard: each service user's budget over a paid pay period (the latest by default), from the same
 * statements as {@code peerpay statements}, with the allocation in force and the funding received in it so far;
 * filtered, sorted and exported as CSV. A page per service user: the balance over time and the spend by period
 * (from the ledger), their employments, statements and exceptions. A coordinator sees their caseload only; finance
 * staff and admins see all.
 */
@Controller
class BudgetPages {

    static final String[] CSV_COLUMNS = {"period", "service_user_ref", "service_user_name", "allocation",
            "funding_to_date", "opening_balance", "funding", "spent", "balance", "weeks_of_funding_left",
            "hours_delivered", "hours_planned", "flags"};

    private final BudgetViews views;
    private final Actions actions;
    private final Display display;
    private final People people;

    BudgetPages(BudgetViews views, Actions actions, Display display, People people) {
        this.views = views;
        this.people = people;
        this.actions = actions;
        this.display = display;
    }

    @GetMapping("/budgets")
    String dashboard(@RequestParam(required = false) String period, @RequestParam(required = false) String flag,
                     @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                     @RequestParam(required = false) String order, Principal principal, Model model) {
        BudgetViews.Choice choice = views.choose(period, flag, q, sort, order, principal);
        model.addAttribute("periods", choice.paid());
        model.addAttribute("period", choice.period());
        model.addAttribute("flag", flag);
        model.addAttribute("q", q);
        model.addAttribute("sort", choice.sort().name().toLowerCase(Locale.UK));
        model.addAttribute("descending", choice.descending());
        model.addAttribute("rows", choice.rows());
        model.addAttribute("flags", java.util.Arrays.stream(ExceptionType.values()).map(Enum::name).toList());
        return "budgets";
    }

    /** The rows the dashboard shows, as CSV for a spreadsheet (UTF-8 with a byte-order mark, which Excel reads). */
    @GetMapping("/budgets.csv")
    void export(@RequestParam(required = false) String period, @RequestParam(required = false) String flag,
                @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String order, Principal principal, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        BudgetViews.Choice choice = views.choose(period, flag, q, sort, order, principal);
        if (choice.period() == null) {
            throw new NotFound();
        }
        String name = "budgets-" + choice.period().id().replace('/', '-') + ".csv";
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build()
                .toString());
        try (CsvOutput csv = CsvOutput.to(response.getOutputStream(), name, CSV_COLUMNS)) {
            for (BudgetStatements.Overview o : choice.rows()) {
                BudgetStatement s = o.statement();
                Budgets.Allocation a = o.allocation();
                csv.row(s.periodId(), s.serviceUserRef(), s.serviceUserName(),
                        a == null ? null : Gbp.pounds(a.allocation()), a == null ? null : Gbp.pounds(a.fundedToDate()),
                        Gbp.pounds(s.openingBalance()), Gbp.pounds(s.funding()), Gbp.pounds(s.employerCost()),
                        Gbp.pounds(s.closingBalance()), s.weeksOfFundingLeft(), s.hoursDelivered(),
                        s.hoursPlanned(), String.join(";", s.flags()));
            }
            csv.commit();
        }
        actions.downloaded("budgets of " + choice.period().id() + " (CSV, " + choice.rows().size() + " rows)",
                actions.who(principal, request));
    }

    @GetMapping("/budgets/{ref}")
    String serviceUser(@PathVariable String ref, Principal principal, Model model) {
        BudgetViews.ServiceUserView view = views.serviceUser(ref, principal);
        model.addAttribute("serviceUser", view.serviceUser());
        model.addAttribute("accounts", people.employerAccounts(view.serviceUser().id()));
        model.addAttribute("allocation", view.allocation());
        model.addAttribute("balance", view.balance());
        model.addAttribute("balanceByDay", view.history().balance().stream()
                .map(day -> ChartPoint.of(display.day(day.on()), day.balance())).toList());
        model.addAttribute("spendByPeriod", view.history().spentByPeriod().entrySet().stream()
                .map(spent -> ChartPoint.of(spent.getKey(), spent.getValue())).toList());
        model.addAttribute("employments", view.employments());
        model.addAttribute("statements", view.statements());
        model.addAttribute("exceptions", view.exceptions());
        return "service-user";
    }

    /**
     * One point of a chart, as its table shows it: the label, the amount for people, and for the chart's script
     * the amount in plain pounds ({@code value}, a data attribute, which Thymeleaf fills only from plain values).
     */
    record ChartPoint(String label, javax.money.MonetaryAmount amount, String value) {
        static ChartPoint of(String label, javax.money.MonetaryAmount amount) {
            return new ChartPoint(label, amount, Gbp.pounds(amount).toPlainString());
        }
    }
}
