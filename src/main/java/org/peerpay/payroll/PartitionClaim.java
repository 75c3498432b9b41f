package org.peerpay.payroll;

import org.peerpay.timesheets.PayableShifts;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Before a partition of a pay run pays anything, claims its employers' shifts for the run and, in a period's first
 * run, the back pay owed to their employments, in one transaction of its own. Claiming again finds only what is still
 * unclaimed, so a restarted partition claims nothing twice and goes on from its last commit.
 */
class PartitionClaim implements StepExecutionListener {

    static final String CLAIMED = "payRun.claimed";

    private final PayableShifts shifts;
    private final BackPay backPay;
    private final RunSelections selections;
    private final TransactionTemplate transaction;

    PartitionClaim(PayableShifts shifts, BackPay backPay, RunSelections selections, TransactionTemplate transaction) {
        this.shifts = shifts;
        this.backPay = backPay;
        this.selections = selections;
        this.transaction = transaction;
    }

    @Override
    public void beforeStep(StepExecution step) {
        PayRunScope scope = PayRunJobConfiguration.scopeOf(step);
        PayableShifts.Selection selection = selections.of(scope, EmployerRange.of(step.getExecutionContext()));
        Integer claimed = transaction.execute(status -> {
            int lines = shifts.claim(selection, scope.payRunId());
            return scope.supplementary() ? lines : lines + backPay.claim(selection.employmentIds(), scope.payRunId());
        });
        step.getExecutionContext().putLong(CLAIMED, step.getExecutionContext().getLong(CLAIMED, 0) + claimed);
    }
}
