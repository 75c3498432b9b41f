package org.peerpay.payroll;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.MonetaryAmount;
import org.peerpay.budgets.Budgets;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.exceptions.ExceptionType;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.exceptions.Raised;
import org.peerpay.ledger.Ledger;
import org.peerpay.money.Gbp;
import org.peerpay.people.People;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The steps of a pay run after its payslips, each in its step's transaction; each returns rows written. */
@Component
class PayRunSteps {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcTemplate jdbc;
    private final Exceptions exceptions;
    private final Ledger ledger;
    private final Budgets budgets;
    private final People people;
    private final Employments employments;
    private final PayRunRepository payRuns;

    PayRunSteps(JdbcTemplate jdbc, Exceptions exceptions, Ledger ledger, Budgets budgets, People people,
                Employments employments, PayRunRepository payRuns) {
        this.jdbc = jdbc;
        this.payRuns = payRuns;
        this.exceptions = exceptions;
        this.ledger = ledger;
        this.budgets = budgets;
        this.people = people;
        this.employments = employments;
    }

    /**
     * Looks at each budget this run charged, as it stands for the period (funding received by the period's end, pay
     * charged by its pay date): OVERSPEND when the charge took it below zero (the mentor is paid all the same),
     * PLAN_EXCEEDED when the period's hours are above the support plan's (beyond the tolerance), SURPLUS when the
     * balance is above the service user's retention weeks of planned cost. The first run of a period also looks
     * at the budgets of its pay frequency that paid nobody in it: IDLE_BUDGET when one still holds money.
     */
    int reviewBudgets(PayRunScope scope, int planTolerancePercent) {
        record Review(long serviceUserId, int minutes, BigDecimal cost, BigDecimal balance, BigDecimal plannedPerWeek,
                      int retentionWeeks) {
        }
        Map<Long, BigDecimal[]> reviewed = new LinkedHashMap<>(); // minutes, cost
        jdbc.query("select service_user_id, sum(minutes), sum(employer_cost) from payslip where pay_run_id = ?"
                + " group by service_user_id order by service_user_id", rs -> {
            reviewed.put(rs.getLong(1), new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3)});
        }, scope.payRunId());
        if (!scope.supplementary()) {
            Set<Long> paid = new HashSet<>(jdbc.queryForList("select distinct service_user_id from payslip"
                    + " where period_id = ?", Long.class, scope.period().id()));
            for (Employment e : employments.paid(scope.period().frequency()).values()) {
                if (!e.start().isAfter(scope.period().end()) && !paid.contains(e.serviceUserId())) {
                    reviewed.putIfAbsent(e.serviceUserId(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                }
            }
        }
        LocalDate payDate = payRuns.getReferenceById(scope.payRunId()).payDate();
        Map<Long, MonetaryAmount> balances = ledger.budgetBalances(scope.period().end(), payDate);
        Map<Long, BigDecimal> planned = budgets.plannedHoursPerWeek(scope.period().end());
        Map<Long, People.ServiceUser> serviceUsers = people.serviceUsers();
        List<Review> reviews = new ArrayList<>();
        reviewed.forEach((id, minutesAndCost) -> reviews.add(new Review(id, minutesAndCost[0].intValueExact(),
                minutesAndCost[1], Gbp.pounds(balances.getOrDefault(id, Gbp.ZERO)), planned.get(id),
                serviceUsers.get(id).retentionWeeks())));
        BigDecimal weeks = scope.period().weeks();
        List<Raised> raised = new ArrayList<>();
        for (Review r : reviews) {
            String detail;
            if (r.minutes() == 0) {
                if (r.balance().signum() > 0) {
                    raised.add(Raised.ofBudget(ExceptionType.IDLE_BUDGET, r.serviceUserId(), "no support was paid from this budget"
                            + " in " + scope.period().id() + " but it holds " + Gbp.format(r.balance()) + "; ask"
                            + " whether support has stopped or timesheets are missing (the council may reclaim unused"
                            + " funding)"));
                }
                continue;
            }
            if (r.balance().signum() < 0) {
                raised.add(Raised.ofBudget(ExceptionType.OVERSPEND, r.serviceUserId(), "the budget is "
                        + Gbp.format(r.balance().negate()) + " overdrawn after " + Gbp.format(r.cost()) + " of pay was"
                        + " charged; the mentor was paid; ask the council about funding"));
            }
            if (r.plannedPerWeek() == null) {
                continue;
            }
            BigDecimal plannedMinutes = r.plannedPerWeek().multiply(weeks).multiply(SIXTY);
            if (BigDecimal.valueOf(r.minutes()).multiply(HUNDRED)
                    .compareTo(plannedMinutes.multiply(BigDecimal.valueOf(100 + planTolerancePercent))) > 0) {
                raised.add(Raised.ofBudget(ExceptionType.PLAN_EXCEEDED, r.serviceUserId(), hours(r.minutes()) + " hours paid"
                        + " against " + r.plannedPerWeek().multiply(weeks).setScale(2, RoundingMode.HALF_UP)
                        + " planned (" + r.plannedPerWeek().setScale(2, RoundingMode.HALF_UP) + " a week)"));
            }
            // balance > retention weeks × planned hours a week × this run's cost per hour (cost × 60 ÷ minutes)
            BigDecimal retainedTimesMinutes = BigDecimal.valueOf(r.retentionWeeks()).multiply(r.plannedPerWeek())
                    .multiply(r.cost()).multiply(SIXTY);
            if (r.balance().multiply(BigDecimal.valueOf(r.minutes())).compareTo(retainedTimesMinutes) > 0) {
                raised.add(Raised.ofBudget(ExceptionType.SURPLUS, r.serviceUserId(), "the balance " + Gbp.format(r.balance())
                        + " is above " + r.retentionWeeks() + " weeks of planned cost (" + Gbp.format(
                        retainedTimesMinutes.divide(BigDecimal.valueOf(r.minutes()), 2, Gbp.PENNY_HALF_UP))
                        + "); the council may reclaim the surplus"));
            }
        }
        exceptions.raise(scope.period(), scope.payRunId(), raised);
        return raised.size();
    }

    private static String hours(int minutes) {
        return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Marks the run completed: from now on its payslips are final and a new run of the period is supplementary. */
    int completeRun(PayRunScope scope) {
        payRuns.getReferenceById(scope.payRunId()).complete();
        return 1;
    }
}
