package org.peerpay.system;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Runs batch jobs to the end. A job instance whose last execution still looks running was left by a process
 * that died (PeerPay holds its data directory exclusively, and runs one execution of an instance at a time): it
 * is recovered (marked failed) and restarted from its last commit. A failed run throws {@link JobFailedException}
 * (its cause the {@link UserFacingException} that failed it, if one did), logged here once, in one line (the stack
 * trace at DEBUG: {@code --logging.level.org.peerpay.system.Jobs=DEBUG}); Spring Batch's own step, chunk and job
 * failure logs are off.
 */
@Component
public class Jobs {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    Jobs(JobOperator jobOperator, JobRepository jobRepository) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    public JobExecution run(Job job, JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
        if (last != null && last.isRunning()) {
            log.warn("{} execution {} was left running by a process that stopped; recovering and restarting it",
                    job.getName(), last.getId());
            jobOperator.recover(last);
        }
        JobExecution execution;
        try {
            execution = jobOperator.start(job, parameters);
        } catch (Exception e) {
            throw new JobFailedException(job.getName() + " could not start: " + e.getMessage());
        }
        log.debug("{} {}: {}", job.getName(), execution.getStatus(), execution.getStepExecutions().stream()
                .map(step -> "%s %d ms".formatted(step.getStepName(), millis(step)))
                .collect(Collectors.joining(", ")));
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Optional<UserFacingException> refusal = execution.getAllFailureExceptions().stream()
                    .map(UserFacingException::find).flatMap(Optional::stream).findFirst();
            refusal.ifPresentOrElse(
                    problem -> log.warn("{} refused its input: {}", job.getName(), problem.getMessage()),
                    () -> execution.getAllFailureExceptions().forEach(failure -> {
                        log.error("{} failed: {}", job.getName(), rootMessage(failure));
                        log.debug("{} failure in full", job.getName(), failure);
                    }));
            throw new JobFailedException(describeFailure(execution), refusal.orElse(null));
        }
        return execution;
    }

    /** Deletes a job instance and its executions: for an input that was refused, so that nothing of it remains. */
    public void forget(Job job, JobParameters parameters) {
        JobInstance instance = jobRepository.getJobInstance(job.getName(), parameters);
        if (instance != null) {
            jobRepository.deleteJobInstance(instance);
        }
    }

    private static long millis(StepExecution step) {
        if (step.getStartTime() == null || step.getEndTime() == null) {
            return 0;
        }
        return java.time.Duration.between(step.getStartTime(), step.getEndTime()).toMillis();
    }

    private static String describeFailure(JobExecution execution) {
        List<String> steps = execution.getStepExecutions().stream()
                .filter(step -> step.getStatus() != BatchStatus.COMPLETED)
                .map(Jobs::describe)
                .toList();
        String causes = execution.getAllFailureExceptions().stream()
                .map(Jobs::rootMessage).distinct().collect(Collectors.joining("; "));
        return execution.getJobInstance().getJobName() + " " + execution.getStatus().name().toLowerCase()
                + (steps.isEmpty() ? "" : " in " + String.join(", ", steps))
                + (causes.isEmpty() ? "" : ": " + causes)
                + ". What was committed is kept; run the same command again to restart from there.";
    }

    private static String describe(StepExecution step) {
        return step.getStepName() + " (" + step.getWriteCount() + " items written)";
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
