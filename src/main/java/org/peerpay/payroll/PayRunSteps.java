package org.peerpay.payroll;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.peerpay.exceptions.ExceptionType;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.exceptions.Raised;
import org.peerpay.money.Gbp;
import org.springframework.jdbc.core.JdbcTemplate;

/** The set-based steps of a pay run, each one statement in its step's transaction; each returns rows written. */
final class PayRunSteps {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PayRunSteps() {
    }

    /**
     * Looks at each budget this run charged, as it stands for the period (funding received by the period's end, pay
     * charged by its pay date): OVERSPEND when the charge took it below zero (the mentor is paid all the same),
     * PLAN_EXCEEDED when the period's hours are above the support plan's (beyond the tolerance), SURPLUS when the
     * balance is above the service user's retention weeks of planned cost. The first run of a period also looks
     * at the budgets of its pay frequency that paid nobody in it: IDLE_BUDGET when one still holds money.
     */
    static int reviewBudgets(JdbcTemplate jdbc, Exceptions exceptions, PayRunScope scope, int planTolerancePercent) {
        record Review(long serviceUserId, int minutes, BigDecimal cost, BigDecimal balance, BigDecimal plannedPerWeek,
                      int retentionWeeks) {
        }
        List<Review> reviews = jdbc.query("""
                with charged as (
                    select service_user_id, sum(minutes) as minutes, sum(employer_cost) as cost
                    from payslip where pay_run_id = ? group by service_user_id),
                idle as (
                    select s.id as service_user_id, 0 as minutes, 0 as cost
                    from service_user s
                    where ? and exists (select 1 from employment e where e.service_user_id = s.id
                                          and e.pay_frequency = ? and e.start_date <= ?)
                      and not exists (select 1 from payslip p where p.service_user_id = s.id and p.period_id = ?)),
                reviewed as (select * from charged union all select * from idle)
                select r.service_user_id, r.minutes, r.cost,
                       -(select coalesce(sum(x.amount), 0)
                         from posting x join journal_entry j on j.id = x.entry_id
                         left join funding f on f.id = j.funding_id
                         where x.service_user_id = r.service_user_id and x.account = 'BUDGET'
                           and (f.received_on <= ? or j.funding_id is null and j.entry_date <= ?)) as balance,
                       b.planned_hours_per_week, s.retention_weeks
                from reviewed r
                join service_user s on s.id = r.service_user_id
                left join budget_period b on b.service_user_id = r.service_user_id
                                         and ? between b.start_date and b.end_date""",
                (rs, i) -> new Review(rs.getLong(1), rs.getInt(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getInt(6)),
                scope.payRunId(), !scope.supplementary(), scope.period().frequency().word(), scope.period().end(),
                scope.period().id(), scope.period().end(), payDate(jdbc, scope), scope.period().end());
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

    private static LocalDate payDate(JdbcTemplate jdbc, PayRunScope scope) {
        return jdbc.queryForObject("select pay_date from pay_run where id = ?", LocalDate.class, scope.payRunId());
    }

    private static String hours(int minutes) {
        return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Marks the run completed: from now on its payslips are final and a new run of the period is supplementary. */
    static int completeRun(JdbcTemplate jdbc, PayRunScope scope) {
        return jdbc.update("update pay_run set status = 'COMPLETED', completed_at = now() where id = ?",
                scope.payRunId());
    }
}
