package org.peerpay.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.peerpay.budgets.BudgetStatement;
import org.peerpay.budgets.BudgetStatements;
import org.peerpay.budgets.Budgets;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.csv.CsvOutput;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.exceptions.ExceptionType;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.money.Gbp;
import org.peerpay.payroll.PayRuns;
import org.peerpay.people.People;
import org.peerpay.system.PeerPayProperties;
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

    /** The columns the dashboard sorts by, each with how. */
    enum Sort {
        REF(Comparator.comparing(o -> o.statement().serviceUserRef())),
        NAME(Comparator.comparing(o -> o.statement().serviceUserName())),
        ALLOCATION(Comparator.comparing(o -> o.allocation() == null ? null : o.allocation().allocation(),
                Comparator.nullsFirst(Comparator.naturalOrder()))),
        FUNDED(Comparator.comparing(o -> o.allocation() == null ? null : o.allocation().fundedToDate(),
                Comparator.nullsFirst(Comparator.naturalOrder()))),
        SPENT(Comparator.comparing(o -> o.statement().employerCost())),
        BALANCE(Comparator.comparing(o -> o.statement().closingBalance())),
        WEEKS(Comparator.comparing(o -> o.statement().weeksOfFundingLeft(),
                Comparator.nullsLast(Comparator.naturalOrder()))),
        HOURS(Comparator.comparing(o -> o.statement().hoursDelivered()));

        final Comparator<BudgetStatements.Overview> order;

        Sort(Comparator<BudgetStatements.Overview> order) {
            this.order = order;
        }

        static Sort of(String name) {
            try {
                return name == null || name.isBlank() ? BALANCE : valueOf(name.toUpperCase(Locale.UK));
            } catch (IllegalArgumentException unknown) {
                return BALANCE;
            }
        }
    }

    /** What the dashboard shows: the period, and the rows chosen and sorted. */
    record Choice(PayPeriod period, List<BudgetStatements.Overview> rows) {
    }

    private final BudgetStatements statements;
    private final Budgets budgets;
    private final PayRuns payRuns;
    private final Caseloads caseloads;
    private final People people;
    private final Employments employments;
    private final Exceptions exceptions;
    private final PeerPayProperties properties;
    private final Clock clock;
    private final Actions actions;
    private final Display display;

    BudgetPages(Display display, Actions actions, BudgetStatements statements, Budgets budgets, PayRuns payRuns, Caseloads caseloads, People people,
                Employments employments, Exceptions exceptions, PeerPayProperties properties, Clock clock) {
        this.statements = statements;
        this.budgets = budgets;
        this.payRuns = payRuns;
        this.caseloads = caseloads;
        this.people = people;
        this.employments = employments;
        this.exceptions = exceptions;
        this.properties = properties;
        this.clock = clock;
        this.actions = actions;
        this.display = display;
    }

    @GetMapping("/budgets")
    String dashboard(@RequestParam(required = false) String period, @RequestParam(required = false) String flag,
                     @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                     @RequestParam(required = false) String order, Principal principal, Model model) {
        List<PayPeriod> paid = payRuns.paidPeriods();
        Choice choice = choose(paid, period, flag, q, sort, order, principal);
        model.addAttribute("periods", paid);
        model.addAttribute("period", choice.period());
        model.addAttribute("flag", flag);
        model.addAttribute("q", q);
        model.addAttribute("sort", Sort.of(sort).name().toLowerCase(Locale.UK));
        model.addAttribute("descending", "desc".equals(order));
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
        Choice choice = choose(payRuns.paidPeriods(), period, flag, q, sort, order, principal);
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
        Set<String> caseload = caseloads.of(principal);
        if (caseload != null && !caseload.contains(ref)) {
            throw new NotFound();
        }
        Long id = people.serviceUserIds().get(ref);
        if (id == null) {
            throw new NotFound();
        }
        People.ServiceUser serviceUser = people.serviceUsers().get(id);
        Map<Long, People.Mentor> mentors = people.mentors();
        LocalDate today = LocalDate.now(clock);
        Budgets.History history = budgets.history(id);
        List<Employment> employed = employments.all().values().stream()
                .filter(e -> e.serviceUserId() == id)
                .sorted(Comparator.comparing(Employment::start).thenComparing(Employment::ref))
                .toList();
        model.addAttribute("serviceUser", serviceUser);
        model.addAttribute("allocation", budgets.allocations(today).get(id));
        model.addAttribute("balance", history.balance().isEmpty() ? Gbp.ZERO
                : history.balance().get(history.balance().size() - 1).balance());
        model.addAttribute("balanceByDay", history.balance().stream()
                .map(day -> ChartPoint.of(display.day(day.on()), day.balance())).toList());
        model.addAttribute("spendByPeriod", history.spentByPeriod().entrySet().stream()
                .map(spent -> ChartPoint.of(spent.getKey(), spent.getValue())).toList());
        model.addAttribute("employments", employed.stream().map(e -> new Employed(e, mentors.get(e.mentorId()),
                e.rateOn(today) == null ? null : e.rateOn(today).inPounds() + " an hour")).toList());
        model.addAttribute("statements", payRuns.paidPeriods().stream()
                .filter(p -> Files.isRegularFile(BudgetStatements.pdf(properties.outDir(), p, ref))).toList());
        model.addAttribute("exceptions", exceptions.queue(Set.of(ref), ExceptionPages.SHOWN));
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

    /** One employment of the service user, with its mentor and the rate in force today. */
    record Employed(Employment employment, People.Mentor mentor, String rate) {
    }

    private Choice choose(List<PayPeriod> paid, String period, String flag, String q, String sort, String order,
                          Principal principal) {
        Optional<PayPeriod> shown = period == null || period.isBlank() ? paid.stream().findFirst()
                : paid.stream().filter(p -> p.id().equals(period)).findFirst();
        if (shown.isEmpty()) {
            return new Choice(null, List.of());
        }
        Set<String> caseload = caseloads.of(principal);
        String search = q == null ? "" : q.strip().toLowerCase(Locale.UK);
        Comparator<BudgetStatements.Overview> by = Sort.of(sort).order
                .thenComparing(o -> o.statement().serviceUserRef());
        List<BudgetStatements.Overview> rows = statements.overview(shown.get()).stream()
                .filter(o -> caseload == null || caseload.contains(o.statement().serviceUserRef()))
                .filter(o -> flag == null || flag.isBlank() || o.statement().flags().contains(flag))
                .filter(o -> search.isEmpty() || o.statement().serviceUserRef().toLowerCase(Locale.UK).contains(search)
                        || o.statement().serviceUserName().toLowerCase(Locale.UK).contains(search))
                .sorted("desc".equals(order) ? by.reversed() : by)
                .toList();
        return new Choice(shown.get(), rows);
    }
}
