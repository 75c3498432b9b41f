package org.peerpay.system;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs batch jobs to the end. A job instance whose last execution still looks running was left by a process
 * that died (PeerPay holds its data directory exclusively, and runs one execution of an instance at a time): it
 * is recovered (marked failed) and restarted from its last commit. A failed run throws {@link JobFailedException}
 * (its cause the {@link UserFacingException} that failed it, if one did), logged here once, in one line (the stack
 * trace at DEBUG: {@code --logging.level.org.peerpay.system.Jobs=DEBUG}); Spring Batch's own step, chunk and job
 * failure logs are off.
 *
 * <p>When PeerPay is told to stop (SIGTERM, Ctrl-C) the jobs it is running are stopped first, before anything they
 * use is closed: each at its next commit, marked STOPPED and restartable, waiting at most
 * {@code peerpay.jobs.stop-timeout} (30 s) in all.
 */
@Component
public class Jobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);

    /** How a failed run's message ends: what to do about it, on the command line. */
    public static final String RESTART_ADVICE = "What was committed is kept; run the same command again to restart"
            + " from there.";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final DatabaseLocks locks;
    private final Duration stopTimeout;
    private final Set<Running> running = ConcurrentHashMap.newKeySet();
    private volatile boolean started;

    /** A job this process is running, and the end of its {@link #run}. */
    private record Running(Job job, JobParameters parameters, CountDownLatch done) {
    }

    Jobs(JobOperator jobOperator, JobRepository jobRepository, DatabaseLocks locks,
         @Value("${peerpay.jobs.stop-timeout:30s}") Duration stopTimeout) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.locks = locks;
        this.stopTimeout = stopTimeout;
    }

    /**
     * Runs the job instance to its end, holding its database lock (so that a process can tell it is running, here
     * or in another PeerPay on the database: see {@link #recoverAbandoned}).
     */
    public JobExecution run(Job job, JobParameters parameters) {
        Running run = new Running(job, parameters, new CountDownLatch(1));
        running.add(run);
        try {
            return locks.holding(lockOf(job.getName(), parameters), job.getName() + " of the same input is running"
                    + " in another PeerPay", () -> runToTheEnd(job, parameters));
        } finally {
            running.remove(run);
            run.done().countDown();
        }
    }

    /** The database lock a running job instance holds: its name and identifying parameters. */
    private static String lockOf(String jobName, JobParameters parameters) {
        String identity = parameters.getIdentifyingParameters().stream()
                .map(parameter -> parameter.name() + "=" + parameter.value())
                .sorted().collect(Collectors.joining("&"));
        return "peerpay.job." + jobName + "." + Sha256.hex(identity);
    }

    /**
     * Marks FAILED (Spring Batch's {@code JobOperator.recover}) every execution that looks running but whose process
     * died: no one holds its lock, neither this process nor another on the database. It can then be restarted from
     * its last commit ({@code peerpay jobs restart ID}, the web, or the next nightly run).
     *
     * @return the executions recovered
     */
    public List<Long> recoverAbandoned() {
        List<Long> recovered = new java.util.ArrayList<>();
        for (String name : jobRepository.getJobNames()) {
            for (JobExecution execution : jobRepository.findRunningJobExecutions(name)) {
                boolean abandoned = locks.tryHolding(lockOf(name, execution.getJobParameters()), () -> {
                    jobOperator.recover(execution);
                    return true;
                }).orElse(false);
                if (abandoned) {
                    log.warn("{} execution {} was left running by a process that stopped: marked failed. Restart it"
                            + " with peerpay jobs restart {} or from the job runs page, or let the nightly run go on"
                            + " with it.", name, execution.getId(), execution.getId());
                    recovered.add(execution.getId());
                }
            }
        }
        return recovered;
    }

    private JobExecution runToTheEnd(Job job, JobParameters parameters) {
        JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
        if (last != null && last.isRunning()) {
            log.warn("{} execution {} was left running by a process that stopped; recovering and restarting it",
                    job.getName(), last.getId());
            jobOperator.recover(last);
        }
        if (last != null && (last.getStatus() == BatchStatus.UNKNOWN || last.getStepExecutions().stream()
                .anyMatch(Jobs::inDoubt))) {
            settleInDoubt(last);
        }
        JobExecution execution;
        try {
            execution = jobOperator.start(job, parameters);
        } catch (Exception e) {
            // Also thrown once the job has run, when its end cannot be recorded (the database went away, say).
            throw new JobFailedException(job.getName() + " did not finish" + stepsInDoubt(job, parameters) + ": "
                    + Failures.rootMessage(e) + ". " + RESTART_ADVICE);
        }
        log.debug("{} {}: {}", job.getName(), execution.getStatus(), execution.getStepExecutions().stream()
                .map(step -> "%s %d ms".formatted(step.getStepName(), millis(step)))
                .collect(Collectors.joining(", ")));
        if (execution.getStatus() == BatchStatus.STOPPED) {
            log.warn("{} stopped, as PeerPay was asked to stop. What was committed is kept; run the same command"
                    + " again to go on from there.", job.getName());
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            Optional<UserFacingException> refusal = execution.getAllFailureExceptions().stream()
                    .map(UserFacingException::find).flatMap(Optional::stream).findFirst();
            refusal.ifPresentOrElse(
                    problem -> log.warn("{} refused its input: {}", job.getName(), problem.getMessage()),
                    () -> execution.getAllFailureExceptions().forEach(failure -> {
                        log.error("{} failed: {}", job.getName(), Failures.rootMessage(failure));
                        log.debug("{} failure in full", job.getName(), failure);
                    }));
            throw new JobFailedException(describeFailure(execution), refusal.orElse(null));
        }
        return execution;
    }

    /**
     * An execution whose commit failed (its connection was lost at that moment) ends UNKNOWN: Spring Batch cannot tell
     * whether the commit went through, and refuses to restart it. For PeerPay's jobs the database can tell: each
     * chunk's work commits in one transaction with the step's restart point (the job repository is in the same
     * database, under the same transaction manager), so whatever committed says how far the job went. The execution
     * and its steps in doubt are marked FAILED, and the restart goes on from what was committed.
     */
    private void settleInDoubt(JobExecution execution) {
        for (StepExecution found : execution.getStepExecutions()) {
            // read again: a partition's thread may have recorded more of it since the execution was read
            StepExecution step = jobRepository.getStepExecution(found.getId());
            if (step != null && inDoubt(step)) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(step.getExitStatus().and(ExitStatus.FAILED));
                jobRepository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        jobRepository.update(execution);
        log.warn("{} execution {} ended in doubt (a commit failed as its database connection was lost); what was"
                + " committed, with its restart point, is in the database: restarting from there",
                execution.getJobInstance().getJobName(), execution.getId());
    }

    /**
     * A step whose end is not known: its commit failed (UNKNOWN), or it still looks running in an execution that
     * has ended, as a partition does whose thread could not record its end when the database connection was lost
     * (the job waited for every partition before it ended, so nothing runs it now).
     */
    private static boolean inDoubt(StepExecution step) {
        return step.getStatus() == BatchStatus.UNKNOWN
                || (step.getStatus().isRunning() && !step.getJobExecution().isRunning());
    }

    /** Whether this process is running the execution's job instance now (so it is not a dead process's leftover). */
    public boolean runsHere(JobExecution execution) {
        String name = execution.getJobInstance().getJobName();
        JobParameters identifying = identifying(execution.getJobParameters());
        return running.stream().anyMatch(run -> run.job().getName().equals(name)
                && identifying(run.parameters()).equals(identifying));
    }

    private static JobParameters identifying(JobParameters parameters) {
        return new JobParameters(parameters.getIdentifyingParameters());
    }

    /** At start, before any job of this process runs, recovers those a dead process left. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void recoverAtStart() {
        recoverAbandoned();
    }

    /** Stops the jobs this process runs, each at its next commit, before the beans they use are closed. */
    @Override
    public void stop() {
        started = false;
        for (Running run : running) {
            JobExecution execution = jobRepository.getLastJobExecution(run.job().getName(), run.parameters());
            if (execution != null && execution.isRunning()) {
                log.warn("PeerPay was asked to stop: stopping {} at its next commit", run.job().getName());
                try {
                    // Marked STOPPING in the repository, which the running step reads at its next commit and
                    // stops there. (JobOperator.stop also writes the running step's execution from this thread,
                    // which then fails that step's own next write with an optimistic-locking error.)
                    execution.setStatus(BatchStatus.STOPPING);
                    jobRepository.update(execution);
                } catch (Exception e) {
                    log.warn("{} could not be asked to stop: {}", run.job().getName(), e.getMessage());
                }
            }
        }
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        for (Running run : running) {
            try {
                if (!run.done().await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    log.warn("{} did not stop within {} s; it is left to fail as PeerPay stops",
                            run.job().getName(), stopTimeout.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Stopped first, while the database and everything else a job uses are still open. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
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

    /** " in STEP" for the steps of the job's last execution that did not complete, as far as the database says. */
    private String stepsInDoubt(Job job, JobParameters parameters) {
        try {
            JobExecution last = jobRepository.getLastJobExecution(job.getName(), parameters);
            List<String> steps = last == null ? List.of() : last.getStepExecutions().stream()
                    .filter(step -> step.getStatus() != BatchStatus.COMPLETED).map(StepExecution::getStepName)
                    .toList();
            return steps.isEmpty() ? "" : " in " + String.join(", ", steps);
        } catch (RuntimeException unreadable) {
            return ""; // the database is gone too: the cause says so
        }
    }

    private static String describeFailure(JobExecution execution) {
        List<String> steps = execution.getStepExecutions().stream()
                .filter(step -> step.getStatus() != BatchStatus.COMPLETED)
                .map(Jobs::describe)
                .toList();
        String causes = execution.getAllFailureExceptions().stream()
                .map(Failures::rootMessage).distinct().collect(Collectors.joining("; "));
        return execution.getJobInstance().getJobName() + " " + execution.getStatus().name().toLowerCase()
                + (steps.isEmpty() ? "" : " in " + String.join(", ", steps))
                + (causes.isEmpty() ? "" : ": " + causes)
                + ". " + RESTART_ADVICE;
    }

    private static String describe(StepExecution step) {
        return step.getStepName() + " (" + step.getWriteCount() + " items written)";
    }

}
