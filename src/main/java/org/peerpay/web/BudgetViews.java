package org.peerpay.web;

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
import javax.money.MonetaryAmount;
import org.peerpay.budgets.BudgetStatements;
import org.peerpay.budgets.Budgets;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.money.Gbp;
import org.peerpay.payroll.PayRuns;
import org.peerpay.people.People;
import org.peerpay.system.PeerPayProperties;
import org.springframework.stereotype.Component;

/**
 * The budgets as the dashboard and the API show them (one choice of rows for both, and for the CSV export), and one
 * service user's budget with its history, employments, statements and exceptions: a coordinator sees their
 * caseload's only, and anyone else's is {@link NotFound}.
 */
@Component
class BudgetViews {

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

    /** What the dashboard shows: the paid periods, the one shown, and its rows chosen and sorted. */
    record Choice(List<PayPeriod> paid, PayPeriod period, List<BudgetStatements.Overview> rows, Sort sort,
                  boolean descending) {
    }

    /** One service user's budget now. */
    record ServiceUserView(People.ServiceUser serviceUser, Budgets.Allocation allocation, MonetaryAmount balance,
                           Budgets.History history, List<Employed> employments, List<PayPeriod> statements,
                           List<Exceptions.Listed> exceptions) {
    }

    /** One employment of the service user, with its mentor and the rate in force today. */
    record Employed(Employment employment, People.Mentor mentor, String rate) {
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

    BudgetViews(BudgetStatements statements, Budgets budgets, PayRuns payRuns, Caseloads caseloads, People people,
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
    }

    /**
     * The budgets over a paid period (the latest, given none), of the user's service users, with a flag and whose
     * ref or name holds {@code q} (any, given null), sorted by a column (balance, given none), then by ref.
     */
    Choice choose(String period, String flag, String q, String sort, String order, Principal principal) {
        List<PayPeriod> paid = payRuns.paidPeriods();
        Sort by = Sort.of(sort);
        boolean descending = "desc".equals(order);
        Optional<PayPeriod> shown = period == null || period.isBlank() ? paid.stream().findFirst()
                : paid.stream().filter(p -> p.id().equals(period)).findFirst();
        if (shown.isEmpty()) {
            return new Choice(paid, null, List.of(), by, descending);
        }
        Set<String> caseload = caseloads.of(principal);
        String search = q == null ? "" : q.strip().toLowerCase(Locale.UK);
        Comparator<BudgetStatements.Overview> sorted = by.order.thenComparing(o -> o.statement().serviceUserRef());
        List<BudgetStatements.Overview> rows = statements.overview(shown.get()).stream()
                .filter(o -> caseload == null || caseload.contains(o.statement().serviceUserRef()))
                .filter(o -> flag == null || flag.isBlank() || o.statement().flags().contains(flag))
                .filter(o -> search.isEmpty() || o.statement().serviceUserRef().toLowerCase(Locale.UK).contains(search)
                        || o.statement().serviceUserName().toLowerCase(Locale.UK).contains(search))
                .sorted(descending ? sorted.reversed() : sorted)
                .toList();
        return new Choice(paid, shown.get(), rows, by, descending);
    }

    /** @throws NotFound when there is no such service user, or the user may not see them */
    ServiceUserView serviceUser(String ref, Principal principal) {
        Set<String> caseload = caseloads.of(principal);
        Long id = people.serviceUserIds().get(ref);
        if (id == null || caseload != null && !caseload.contains(ref)) {
            throw new NotFound();
        }
        Map<Long, People.Mentor> mentors = people.mentors();
        LocalDate today = LocalDate.now(clock);
        Budgets.History history = budgets.history(id);
        List<Employed> employed = employments.all().values().stream()
                .filter(e -> e.serviceUserId() == id)
                .sorted(Comparator.comparing(Employment::start).thenComparing(Employment::ref))
                .map(e -> new Employed(e, mentors.get(e.mentorId()),
                        e.rateOn(today) == null ? null : e.rateOn(today).inPounds() + " an hour"))
                .toList();
        MonetaryAmount balance = history.balance().isEmpty() ? Gbp.ZERO
                : history.balance().get(history.balance().size() - 1).balance();
        return new ServiceUserView(people.serviceUsers().get(id), budgets.allocations(today).get(id), balance,
                history, employed, payRuns.paidPeriods().stream()
                        .filter(p -> Files.isRegularFile(BudgetStatements.pdf(properties.outDir(), p, ref))).toList(),
                exceptions.queue(Set.of(ref), ExceptionPages.SHOWN));
    }
}
