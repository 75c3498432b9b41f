package org.peerpay.payroll;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.ToIntFunction;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.employment.Employments;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.ledger.Ledger;
import org.peerpay.people.People;
import org.peerpay.system.ProgressListener;
import org.peerpay.timesheets.PayableShifts;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code payRunJob}: identified by the pay period ({@code period}, like {@code 2026-27/4W08}) and the run's number
 * in the period ({@code run}: 1, then supplementary runs); also given {@code payRunId}, {@code importBound} and
 * {@code payDate}. Steps: claim the run's shifts (one statement: a shift another run claimed is not taken) and,
 * in a period's first run, the back pay owed to its employments; work
 * out and store the payslips and their charges (chunked by employments, restartable), review the budgets charged,
 * write the period's CSV files and the run's payslip PDFs, complete the run.
 */
@Configuration(proxyBeanMethods = false)
class PayRunJobConfiguration {

    static final String JOB_NAME = "payRunJob";

    @Bean
    Job payRunJob(JobRepository jobRepository, Step claimShiftsStep, Step calculatePayslipsStep,
                  Step reviewBudgetsStep, Step writePayRunFilesStep, Step writePayslipPdfsStep,
                  Step completePayRunStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(claimShiftsStep)
                .next(calculatePayslipsStep)
                .next(reviewBudgetsStep)
                .next(writePayRunFilesStep)
                .next(writePayslipPdfsStep)
                .next(completePayRunStep)
                .build();
    }

    @Bean
    Step calculatePayslipsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                               EmploymentWorkReader employmentWorkReader, PayslipProcessor payslipProcessor,
                               PayslipWriter payslipWriter, PayrollProperties properties) {
        return new StepBuilder("calculatePayslipsStep", jobRepository)
                .<EmploymentWork, PayslipDraft>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(employmentWorkReader)
                .processor(payslipProcessor)
                .writer(payslipWriter)
                .listener(new ProgressListener("employments",
                        execution -> execution.getWriteCount(),
                        execution -> execution.getExecutionContext().getInt(EmploymentWorkReader.PERMILLE, -1)))
                .build();
    }

    @Bean
    @StepScope
    EmploymentWorkReader employmentWorkReader(PayableShifts shifts, Employments employments, People people,
                                              BackPay backPay, @Value("#{stepExecution}") StepExecution step) {
        PayRunScope payRunScope = scopeOf(step);
        return new EmploymentWorkReader(shifts, payRunScope.payRunId(),
                EmploymentTermsLoader.load(employments, people, payRunScope.period().frequency()),
                backPay.claimedBy(payRunScope.payRunId()));
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
                payRunScope.supplementary(), RunningFigures.load(jdbc, rules.taxYear())));
    }

    @Bean
    @StepScope
    PayslipWriter payslipWriter(JdbcTemplate jdbc, Ledger ledger, Exceptions exceptions, PayableShifts shifts,
                                BackPay backPay, @Value("#{stepExecution}") StepExecution step) {
        return new PayslipWriter(jdbc, ledger, exceptions, shifts, backPay, scopeOf(step));
    }

    @Bean
    Step claimShiftsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                         PayableShifts shifts, BackPay backPay, RunSelections selections) {
        return setStep("claimShiftsStep", jobRepository, transactionManager, step -> {
            PayRunScope scope = scopeOf(step);
            PayableShifts.Selection selection = selections.of(scope);
            int claimed = shifts.claim(selection, scope.payRunId());
            return scope.supplementary() ? claimed : claimed + backPay.claim(selection.employmentIds(),
                    scope.payRunId());
        });
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
    private static PayRunScope scopeOf(StepExecution step) {
        var parameters = step.getJobParameters();
        return new PayRunScope(PayPeriod.parse(parameters.getString("period")),
                parameters.getLong("run").intValue(), parameters.getLong("payRunId"),
                parameters.getLong("importBound"));
    }
}
