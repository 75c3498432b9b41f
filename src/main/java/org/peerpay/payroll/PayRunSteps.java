package org.peerpay.payroll;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.peerpay.budgets.BudgetReview;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.money.Gbp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The steps of a pay run after its payslips, each in its step's transaction; each returns rows written. */
@Component
class PayRunSteps {

    private final JdbcTemplate jdbc;
    private final BudgetReview budgetReview;
    private final Employments employments;
    private final PayRunRepository payRuns;

    PayRunSteps(JdbcTemplate jdbc, BudgetReview budgetReview, Employments employments, PayRunRepository payRuns) {
        this.jdbc = jdbc;
        this.budgetReview = budgetReview;
        this.employments = employments;
        this.payRuns = payRuns;
    }

    /**
     * Has the budgets module review each budget this run charged and, for the first run of a period, each budget
     * of its pay frequency that paid nobody in it.
     */
    int reviewBudgets(PayRunScope scope, int planTolerancePercent) {
        List<BudgetReview.Charged> charged = new ArrayList<>();
        jdbc.query("select service_user_id, sum(minutes), sum(employer_cost) from payslip where pay_run_id = ?"
                + " group by service_user_id order by service_user_id", rs -> {
            charged.add(new BudgetReview.Charged(rs.getLong(1), rs.getInt(2), Gbp.of(rs.getBigDecimal(3))));
        }, scope.payRunId());
        Set<Long> unpaid = new TreeSet<>();
        if (!scope.supplementary()) {
            Set<Long> paid = new HashSet<>(jdbc.queryForList("select distinct service_user_id from payslip"
                    + " where period_id = ?", Long.class, scope.period().id()));
            for (Employment e : employments.paid(scope.period().frequency()).values()) {
                if (!e.start().isAfter(scope.period().end()) && !paid.contains(e.serviceUserId())) {
                    unpaid.add(e.serviceUserId());
                }
            }
        }
        return budgetReview.review(scope.period(), payRuns.getReferenceById(scope.payRunId()).payDate(),
                scope.payRunId(), charged, unpaid, planTolerancePercent, scope.supplementary());
    }

    /** Marks the run completed: from now on its payslips are final and a new run of the period is supplementary. */
    int completeRun(PayRunScope scope) {
        payRuns.getReferenceById(scope.payRunId()).complete();
        return 1;
    }
}
