package org.peerpay.payroll;

import org.peerpay.employment.Employments;
import org.peerpay.timesheets.PayableShifts;
import org.springframework.stereotype.Component;

/** The timesheet lines a run's scope selects: its frequency's employments, and for a supplementary run its period's earlier runs. */
@Component
class RunSelections {

    private final PayRunRepository payRuns;
    private final Employments employments;

    RunSelections(PayRunRepository payRuns, Employments employments) {
        this.payRuns = payRuns;
        this.employments = employments;
    }

    PayableShifts.Selection of(PayRunScope scope) {
        long[] employmentIds = employments.paid(scope.period().frequency()).keySet().stream()
                .mapToLong(Long::longValue).toArray();
        long[] earlierRuns = scope.supplementary() ? earlierRuns(scope) : null;
        return new PayableShifts.Selection(employmentIds, scope.period().end(), scope.importBound(), earlierRuns);
    }

    private long[] earlierRuns(PayRunScope scope) {
        return payRuns.findByPeriodId(scope.period().id()).stream().filter(r -> r.runNumber() < scope.runNumber())
                .mapToLong(PayRun::id).toArray();
    }
}
