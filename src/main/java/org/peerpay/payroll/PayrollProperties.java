package org.peerpay.payroll;

import org.peerpay.statutory.PensionBasis;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pensionBasis how employees' pension contributions get tax relief (the workplace scheme's basis)
 * @param statutoryMinimum the wage floor schedule that is the National Minimum Wage, for the period check
 * @param chunkSize employments paid per transaction
 * @param planTolerancePercent PLAN_EXCEEDED is raised when a budget's hours paid in a period are more than its
 *     support plan's hours plus this percentage (0 for any hours above the plan)
 * @param partitions the ranges of employers (service users) a run's payslips are worked out in, each on its own and
 *     restartable on its own; kept by a run that is restarted
 * @param threads how many of those partitions this process works on at once (and each {@code peerpay worker})
 * @param remoteWorkers whether the partitions are handed to worker processes ({@code peerpay worker}) through the
 *     database, instead of being worked on here
 * @param workerPollInterval how often the manager looks at the workers' progress, and an idle worker for requests
 */
@ConfigurationProperties("peerpay.payroll")
public record PayrollProperties(
        @DefaultValue("relief-at-source") PensionBasis pensionBasis,
        @DefaultValue("National Minimum Wage") String statutoryMinimum,
        @DefaultValue("1000") int chunkSize,
        @DefaultValue("10") int planTolerancePercent,
        @DefaultValue("8") int partitions,
        @DefaultValue("2") int threads,
        @DefaultValue("false") boolean remoteWorkers,
        @DefaultValue("500ms") java.time.Duration workerPollInterval) {

    public PayrollProperties {
        if (partitions < 1 || threads < 1) {
            throw new IllegalArgumentException("peerpay.payroll.partitions and peerpay.payroll.threads must be 1 or"
                    + " more (they are " + partitions + " and " + threads + ")");
        }
    }
}
