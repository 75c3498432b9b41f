package org.peerpay.payroll;

import org.peerpay.employment.Employments;
import org.peerpay.timesheets.PayableShifts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The timesheet lines a run's scope selects: its frequency's employments, and for a supplementary run its period's earlier runs. */
@Component
class RunSelections {

    private final JdbcTemplate jdbc;
    private final Employments employments;

    RunSelections(JdbcTemplate jdbc, Employments employments) {
        this.jdbc = jdbc;
        this.employments = employments;
    }

    PayableShifts.Selection of(PayRunScope scope) {
        long[] employmentIds = employments.paid(scope.period().frequency()).keySet().stream()
                .mapToLong(Long::longValue).toArray();
        long[] earlierRuns = scope.supplementary() ? earlierRuns(scope) : null;
        return new PayableShifts.Selection(employmentIds, scope.period().end(), scope.importBound(), earlierRuns);
    }

    private long[] earlierRuns(PayRunScope scope) {
        return jdbc.queryForList("select id from pay_run where period_id = ? and run_number < ?", Long.class,
                scope.period().id(), scope.runNumber()).stream().mapToLong(Long::longValue).toArray();
    }
}
