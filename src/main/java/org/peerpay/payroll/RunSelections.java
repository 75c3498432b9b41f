package org.peerpay.payroll;

import java.util.List;
import org.peerpay.employment.Employment;
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

    /** The lines of a run's partition: its range of employers' employments of the run's frequency. */
    PayableShifts.Selection of(PayRunScope scope, EmployerRange range) {
        long[] employmentIds = employments.paid(scope.period().frequency(), range.first(), range.last()).keySet()
                .stream().mapToLong(Long::longValue).toArray();
        long[] earlierRuns = scope.supplementary() ? earlierRuns(scope) : null;
        return new PayableShifts.Selection(employmentIds, scope.period().end(), scope.importBound(), earlierRuns);
    }

    /** The employer (service user) of each employment the run may pay, for cutting it into partitions. */
    List<Long> employersOfEachEmployment(PayRunScope scope) {
        return employments.paid(scope.period().frequency()).values().stream().map(Employment::serviceUserId).toList();
    }

    private long[] earlierRuns(PayRunScope scope) {
        return payRuns.findByPeriodId(scope.period().id()).stream().filter(r -> r.runNumber() < scope.runNumber())
                .mapToLong(PayRun::id).toArray();
    }
}
