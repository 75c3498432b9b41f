package org.peerpay.budgets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.MonetaryAmount;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.exceptions.ExceptionType;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.exceptions.Raised;
import org.peerpay.ledger.Ledger;
import org.peerpay.money.Gbp;
import org.peerpay.people.People;
import org.springframework.stereotype.Service;

/**
 * The budget review after a pay run. Each budget the run charged is looked at as it stands for the period
 * (funding received by the period's end, pay charged by its pay date): OVERSPEND when the charge took it below zero
 * (the mentor is paid all the same), PLAN_EXCEEDED when the period's hours are above the support plan's (beyond the
 * tolerance), UNDER_DELIVERY when the first run's hours are below them (beyond the tolerance), SURPLUS when the balance is above the service user's retention weeks of planned cost at this run's
 * cost per hour. A budget that paid nobody in the period and still holds money raises IDLE_BUDGET.
 */
@Service
public class BudgetReview {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Ledger ledger;
    private final Budgets budgets;
    private final People people;
    private final Exceptions exceptions;

    BudgetReview(Ledger ledger, Budgets budgets, People people, Exceptions exceptions) {
        this.ledger = ledger;
        this.budgets = budgets;
        this.people = people;
        this.exceptions = exceptions;
    }

    /** What a pay run charged one budget: the minutes it paid for and their employer cost. */
    public record Charged(long serviceUserId, int minutes, MonetaryAmount cost) {
    }

    /**
     * Reviews the budgets a run charged, and those that paid nobody in the period, raising what it finds against
     * the run. A supplementary run pays only what a run before it left: its hours say nothing of under-delivery.
     *
     * @return exceptions raised
     */
    public int review(PayPeriod period, LocalDate payDate, long payRunId, List<Charged> charged, Set<Long> unpaid,
                      int planTolerancePercent, boolean supplementary) {
        record Review(long serviceUserId, int minutes, BigDecimal cost, BigDecimal balance, BigDecimal plannedPerWeek,
                      int retentionWeeks) {
        }
        Map<Long, MonetaryAmount> balances = ledger.budgetBalances(period.end(), payDate);
        Map<Long, BigDecimal> planned = budgets.plannedHoursPerWeek(period.end());
        Map<Long, People.ServiceUser> serviceUsers = people.serviceUsers();
        List<Review> reviews = new ArrayList<>();
        for (Charged c : charged) {
            reviews.add(new Review(c.serviceUserId(), c.minutes(), Gbp.pounds(c.cost()),
                    Gbp.pounds(balances.getOrDefault(c.serviceUserId(), Gbp.ZERO)), planned.get(c.serviceUserId()),
                    serviceUsers.get(c.serviceUserId()).retentionWeeks()));
        }
        for (long id : unpaid) {
            reviews.add(new Review(id, 0, BigDecimal.ZERO, Gbp.pounds(balances.getOrDefault(id, Gbp.ZERO)),
                    planned.get(id), serviceUsers.get(id).retentionWeeks()));
        }
        BigDecimal weeks = period.weeks();
        List<Raised> raised = new ArrayList<>();
        for (Review r : reviews) {
            String detail;
            if (r.minutes() == 0) {
                if (r.balance().signum() > 0) {
                    raised.add(Raised.ofBudget(ExceptionType.IDLE_BUDGET, r.serviceUserId(), "no support was paid from this budget"
                            + " in " + period.id() + " but it holds " + Gbp.format(r.balance()) + "; ask"
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
            } else if (!supplementary && BigDecimal.valueOf(r.minutes()).multiply(HUNDRED)
                    .compareTo(plannedMinutes.multiply(BigDecimal.valueOf(100 - planTolerancePercent))) < 0) {
                raised.add(Raised.ofBudget(ExceptionType.UNDER_DELIVERY, r.serviceUserId(), hours(r.minutes())
                        + " hours paid against " + r.plannedPerWeek().multiply(weeks).setScale(2, RoundingMode.HALF_UP)
                        + " planned (" + r.plannedPerWeek().setScale(2, RoundingMode.HALF_UP) + " a week): support"
                        + " planned was not delivered; ask why"));
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
        exceptions.raise(period, payRunId, raised);
        return raised.size();
    }

    private static String hours(int minutes) {
        return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP).toPlainString();
    }
}
