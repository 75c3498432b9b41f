package org.peerpay.payroll;

import org.springframework.jdbc.core.JdbcTemplate;

/** The set-based steps of a pay run, each one statement in its step's transaction; each returns rows written. */
final class PayRunSteps {

    private PayRunSteps() {
    }

    /**
     * Marks the lines the run read as paid by it: every one the run did not hold is on one of its payslips (an
     * employment gets a payslip unless all its shifts were held).
     */
    static int markLinesPaid(JdbcTemplate jdbc, PayRunScope scope) {
        return jdbc.update("""
                    update timesheet_line l set status = 'PAID', pay_run_id = ?
                    from employment e
                    where e.id = l.employment_id and e.pay_frequency = ?
                      and l.work_date <= ? and l.import_id <= ?
                      and l.import_id in (select id from timesheet_import where status = 'COMPLETED')
                      and """ + scope.linesCondition("l"), ps -> {
                ps.setLong(1, scope.payRunId());
                ps.setString(2, scope.period().frequency().word());
                ps.setObject(3, scope.period().end());
                ps.setLong(4, scope.importBound());
                scope.bindLinesCondition(ps, 5);
            });
    }

    /**
     * Looks at each budget this run charged, as it stands for the period (funding received by the period's end, pay
     * charged by its pay date): OVERSPEND when the charge took it below zero (the mentor is paid all
     * the same), PLAN_EXCEEDED when the period's hours are above the support plan's (beyond the tolerance), SURPLUS
     * when the balance is
     * above the service user's retention weeks of planned cost.
     */
    static int reviewBudgets(JdbcTemplate jdbc, PayRunScope scope, int planTolerancePercent) {
        return jdbc.update("""
                    with charged as (
                        select p.service_user_id, sum(p.minutes) as minutes, sum(p.employer_cost) as cost
                        from payslip p where p.pay_run_id = ? group by p.service_user_id),
                    review as (
                        select c.service_user_id, c.minutes, c.cost, s.retention_weeks,
                               -(select coalesce(sum(x.amount), 0)
                                 from posting x join journal_entry j on j.id = x.entry_id
                                 left join funding f on f.id = j.funding_id
                                 where x.service_user_id = c.service_user_id and x.account = 'BUDGET'
                                   and (f.received_on <= ? or j.funding_id is null
                                        and j.entry_date <= (select pay_date from pay_run where id = ?))) as balance,
                               b.planned_hours_per_week as planned
                        from charged c
                        join service_user s on s.id = c.service_user_id
                        left join budget_period b on b.service_user_id = c.service_user_id
                                                 and ? between b.start_date and b.end_date),
                    raised as (
                        select 'OVERSPEND' as type, service_user_id,
                               'the budget is £' || to_char(-balance, 'FM999999990.00') || ' overdrawn after £'
                               || to_char(cost, 'FM999999990.00') || ' of pay was charged; the mentor was paid; ask'
                               || ' the council about funding' as detail
                        from review where balance < 0
                        union all
                        select 'PLAN_EXCEEDED', service_user_id,
                               to_char(minutes / 60.0, 'FM999990.00') || ' hours paid against '
                               || to_char(planned * ?, 'FM999990.00') || ' planned ('
                               || to_char(planned, 'FM9990.00') || ' a week)'
                        from review where planned is not null and minutes > planned * ? * 60 * ?
                        union all
                        select 'SURPLUS', service_user_id,
                               'the balance £' || to_char(balance, 'FM999999990.00') || ' is above '
                               || retention_weeks || ' weeks of planned cost (£'
                               || to_char(retention_weeks * planned * cost * 60 / minutes, 'FM999999990.00')
                               || '); the council may reclaim the surplus'
                        from review
                        where planned is not null and minutes > 0
                          and balance > retention_weeks * planned * cost * 60 / minutes)
                    insert into payroll_exception (type, service_user_id, detail, period_id, pay_run_id)
                    select type, service_user_id, detail, ?, ? from raised""", ps -> {
                ps.setLong(1, scope.payRunId());
                ps.setObject(2, scope.period().end());
                ps.setLong(3, scope.payRunId());
                ps.setObject(4, scope.period().end());
                ps.setBigDecimal(5, scope.period().weeks());
                ps.setBigDecimal(6, scope.period().weeks());
                ps.setBigDecimal(7, java.math.BigDecimal.valueOf(100 + planTolerancePercent).movePointLeft(2));
                ps.setString(8, scope.period().id());
                ps.setLong(9, scope.payRunId());
            });
    }

    /** Marks the run completed: from now on its payslips are final and a new run of the period is supplementary. */
    static int completeRun(JdbcTemplate jdbc, PayRunScope scope) {
        return jdbc.update("update pay_run set status = 'COMPLETED', completed_at = now() where id = ?",
                scope.payRunId());
    }
}
