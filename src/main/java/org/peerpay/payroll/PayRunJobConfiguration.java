package org.peerpay.payroll;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.employment.Employments;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.ledger.Ledger;
import org.peerpay.people.People;
import org.peerpay.system.ProgressListener;
import org.peerpay.system.RemotePartitions;
import org.peerpay.timesheets.PayableShifts;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code payRunJob}: identified by the pay period ({@code period}, like {@code 2026-27/4W08}) and the run's number
 * in the period ({@code run}: 1, then supplementary runs); also given {@code payRunId}, {@code importBound} and
 * {@code payDate}. Steps: work out and store the payslips and their charges ({@code calculatePayslipsStep},
 * partitioned by employer: each partition, {@code payEmployersStep}, first claims its employers' shifts (one
 * statement: a shift another run claimed is not taken) and, in a period's first run, their back pay, then pays them
 * chunk by chunk, restartable on its own), review the budgets charged, write the period's CSV files and the run's
 * payslip PDFs, complete the run. With {@code peerpay.payroll.remote-workers} the partitions are handed to worker
 * processes ({@link PayrollWorker}) through the database instead of being worked on here.
 */
@Configuration(proxyBeanMethods = false)
class PayRunJobConfiguration {

    static final String JOB_NAME = "payRunJob";
    static final String PARTITION_STEP = "payEmployersStep";

    @Bean
    Job payRunJob(JobRepository jobRepository, Step calculatePayslipsStep,
                  Step reviewBudgetsStep, Step writePayRunFilesStep, Step writePayslipPdfsStep,
                  Step completePayRunStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(calculatePayslipsStep)
                .next(reviewBudgetsStep)
                .next(writePayRunFilesStep)
                .next(writePayslipPdfsStep)
                .next(completePayRunStep)
                .build();
    }

    /**
     * The payslips, in {@code peerpay.payroll.partitions} ranges of employers worked on
     * {@code peerpay.payroll.threads} at a time. A restart keeps the first run's partitions (Spring Batch keeps the
     * grid size in this step's context, and each unfinished partition's range in its own) and runs only those that
     * did not complete.
     */
    @Bean
    Step calculatePayslipsStep(JobRepository jobRepository, Step payEmployersStep, Partitioner employerPartitioner,
                               PayrollProperties properties, RemotePartitions remotePartitions) {
        var partitioned = new StepBuilder("calculatePayslipsStep", jobRepository)
                .partitioner(PARTITION_STEP, employerPartitioner);
        if (properties.remoteWorkers()) {
            return partitioned.partitionHandler(remotePartitions.manager(PARTITION_STEP, properties.partitions(),
                    properties.workerPollInterval())).build();
        }
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("pay-run-");
        threads.setConcurrencyLimit(properties.threads());
        return partitioned.step(payEmployersStep).gridSize(properties.partitions()).taskExecutor(threads).build();
    }

    @Bean
    @StepScope
    EmployerPartitioner employerPartitioner(RunSelections selections, @Value("#{stepExecution}") StepExecution step) {
        return new EmployerPartitioner(() -> selections.employersOfEachEmployment(scopeOf(step)));
    }

    /** One partition: claims its employers' work, then pays it chunk by chunk. */
    @Bean
    Step payEmployersStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          EmploymentWorkReader employmentWorkReader, PayslipProcessor payslipProcessor,
                          PayslipWriter payslipWriter, PartitionClaim partitionClaim,
                          ProgressListener partitionProgress, PayrollProperties properties) {
        return new StepBuilder(PARTITION_STEP, jobRepository)
                .<EmploymentWork, PayslipDraft>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(employmentWorkReader)
                .processor(payslipProcessor)
                .writer(payslipWriter)
                .listener(partitionClaim)
                .listener(partitionProgress)
                .build();
    }

    @Bean
    PartitionClaim partitionClaim(PayableShifts shifts, BackPay backPay, RunSelections selections,
                                  PlatformTransactionManager transactionManager) {
        return new PartitionClaim(shifts, backPay, selections, new TransactionTemplate(transactionManager));
    }

    @Bean
    @StepScope
    ProgressListener partitionProgress() {
        return ProgressListener.recordOnly("employments", execution -> execution.getWriteCount(),
                execution -> execution.getExecutionContext().getInt(EmploymentWorkReader.PERMILLE, -1));
    }

    @Bean
    @StepScope
    EmploymentWorkReader employmentWorkReader(PayableShifts shifts, Employments employments, People people,
                                              BackPay backPay, @Value("#{stepExecution}") StepExecution step) {
        PayRunScope payRunScope = scopeOf(step);
        EmployerRange range = EmployerRange.of(step.getExecutionContext());
        Map<Long, EmploymentTerms> terms = EmploymentTermsLoader.load(employments, people,
                payRunScope.period().frequency(), range);
        Map<Long, List<BackPay.Owed>> owed = new HashMap<>(backPay.claimedBy(payRunScope.payRunId()));
        owed.keySet().retainAll(terms.keySet());
        return new EmploymentWorkReader(shifts, payRunScope.payRunId(), range, terms, owed);
    }

    @Bean
    @StepScope
    PayslipProcessor payslipProcessor(JdbcTemplate jdbc, PayRunRepository payRuns,
                                      @Value("#{stepExecution}") StepExecution step,
                                      @Value("#{jobParameters['payDate']}") LocalDate payDate) {
        PayRunScope payRunScope = scopeOf(step);
        PayRunRules rules = payRuns.findById(payRunScope.payRunId()).orElseThrow().rules();
        return new PayslipProcessor(new PayslipMaker(payRunScope.period(), payDate, rules.verifiedTaxYear(),
                rules.floorSchedule(), rules.floorPolicy(), rules.statutoryMinimum(), rules.pensionBasis(),
                payRunScope.supplementary(), RunningFigures.load(jdbc, rules.taxYear(),
                        EmployerRange.of(step.getExecutionContext()))));
    }

    @Bean
    @StepScope
    PayslipWriter payslipWriter(JdbcTemplate jdbc, Ledger ledger, Exceptions exceptions, PayableShifts shifts,
                                BackPay backPay, @Value("#{stepExecution}") StepExecution step) {
        return new PayslipWriter(jdbc, ledger, exceptions, shifts, backPay, scopeOf(step));
    }

    @Bean
    Step reviewBudgetsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                           PayRunSteps steps, PayRunRepository payRuns) {
        return setStep("reviewBudgetsStep", jobRepository, transactionManager, step -> {
            PayRunScope scope = scopeOf(step);
            return steps.reviewBudgets(scope, payRuns.findById(scope.payRunId()).orElseThrow().rules()
                    .planTolerancePercent());
        });
    }

    @Bean
    Step writePayRunFilesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              PayRunFiles payRunFiles) {
        return setStep("writePayRunFilesStep", jobRepository, transactionManager,
                step -> payRunFiles.write(scopeOf(step).period(), outDirOf(step)));
    }

    @Bean
    Step writePayslipPdfsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              PayslipPdfs payslipPdfs) {
        return setStep("writePayslipPdfsStep", jobRepository, transactionManager,
                step -> payslipPdfs.write(scopeOf(step).payRunId(), outDirOf(step), step));
    }

    @Bean
    Step completePayRunStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                            PayRunSteps steps) {
        return setStep("completePayRunStep", jobRepository, transactionManager,
                step -> steps.completeRun(scopeOf(step)));
    }

    /** A step that does one piece of work in one transaction; the work returns what it wrote, for the step's count. */
    private static Step setStep(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                ToIntFunction<StepExecution> work) {
        return new StepBuilder(name, jobRepository)
                .tasklet((contribution, chunk) -> {
                    contribution.incrementWriteCount(work.applyAsInt(chunk.getStepContext().getStepExecution()));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    private static Path outDirOf(StepExecution step) {
        return Path.of(step.getJobParameters().getString("outDir"));
    }

    /** The run's scope, from the job parameters. */
    static PayRunScope scopeOf(StepExecution step) {
        var parameters = step.getJobParameters();
        return new PayRunScope(PayPeriod.parse(parameters.getString("period")),
                parameters.getLong("run").intValue(), parameters.getLong("payRunId"),
                parameters.getLong("importBound"));
    }
}
