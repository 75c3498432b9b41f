package org.peerpay.payroll;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One partition of a pay run: the employers (service users) with ids from {@code first} to {@code last}, inclusive.
 * Each service user is an employer with its own budget, Employment Allowance and ledger accounts, so partitions share
 * none of them and can be paid at once, in any order, each restarted on its own. Kept in the partition's step
 * execution context (numbers only), where a restart finds it.
 */
record EmployerRange(long first, long last) {

    private static final String FIRST = "payRun.partition.firstServiceUser";
    private static final String LAST = "payRun.partition.lastServiceUser";

    EmployerRange {
        if (first < 0 || last < first - 1) {
            throw new IllegalArgumentException("not a range of service users: " + first + " to " + last);
        }
    }

    ExecutionContext context() {
        ExecutionContext context = new ExecutionContext();
        context.putLong(FIRST, first);
        context.putLong(LAST, last);
        return context;
    }

    static EmployerRange of(ExecutionContext context) {
        if (!context.containsKey(FIRST) || !context.containsKey(LAST)) {
            throw new IllegalStateException("this step execution is not a partition of a pay run (no range of service"
                    + " users in its context)");
        }
        return new EmployerRange(context.getLong(FIRST), context.getLong(LAST));
    }
}
