package org.peerpay.system;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.job.SimpleJob;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Service;

/**
 * The batch jobs' runs as the job repository records them, for people: which step each is in, how far that step
 * has gone ({@link ProgressListener} keeps it in the step's context at each commit; a one-piece step run by this
 * process tells {@link Progress#live}) and how fast, and whether a run
 * that did not finish can be restarted. Reads only: the job repository is the one record of what ran.
 */
@Service
public class JobRuns {

    private final JobRepository jobRepository;
    private final Jobs jobs;
    private final Map<String, List<String>> stepNames = new HashMap<>();

    JobRuns(JobRepository jobRepository, Jobs jobs, List<Job> allJobs) {
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        for (Job job : allJobs) {
            if (job instanceof SimpleJob steps) {
                stepNames.put(job.getName(), List.copyOf(steps.getStepNames()));
            }
        }
    }

    /**
     * One execution of a job.
     *
     * @param subject   what it ran on: the pay period, or the timesheet file's name
     * @param step      the step running now, or the last one that ran, in words ("calculate payslips")
     * @param stepNumber its place among the job's steps, from 1; {@code steps} how many the job has
     * @param done      how many of {@code unit} that step has done
     * @param unit      what it counts ("rows", "employments"), or null for a step that does one piece of work
     * @param permille  the part of that step done, in thousandths, or -1 when not known
     * @param perSecond the step's rate so far, {@code unit} a second
     * @param started   when it started, UK time; null while it waits to start
     * @param ended     when it ended, UK time; null while it runs
     * @param failure   why it failed or stopped, in a line; null otherwise
     * @param restartable whether it may be restarted: it did not complete, it is the last run of its job instance,
     *                  and this process is not running it
     */
    public record JobRun(long id, String job, String subject, BatchStatus status, LocalDateTime started,
                         LocalDateTime ended, String step, int stepNumber, int steps, long done, String unit, int permille,
                         long perSecond, String failure, boolean restartable, String period, String file) {

        public boolean running() {
            return status.isRunning() && !restartable;
        }
    }

    /** The newest runs of every job, newest first. */
    public List<JobRun> recent(int count) {
        List<JobExecution> executions = new ArrayList<>();
        for (String name : jobRepository.getJobNames()) {
            for (JobInstance instance : jobRepository.getJobInstances(name, 0, count)) {
                executions.addAll(jobRepository.getJobExecutions(instance));
            }
        }
        return executions.stream()
                .sorted(Comparator.comparingLong(JobExecution::getId).reversed())
                .limit(count)
                .map(this::describe)
                .toList();
    }

    public Optional<JobRun> find(long executionId) {
        try {
            return Optional.ofNullable(jobRepository.getJobExecution(executionId)).map(this::describe);
        } catch (EmptyResultDataAccessException none) {
            return Optional.empty();
        }
    }

    /** Whether any run of a job is going on now, in this process or another. */
    public boolean anyRunning(List<JobRun> runs) {
        return runs.stream().anyMatch(JobRun::running);
    }

    private JobRun describe(JobExecution execution) {
        List<StepExecution> all = execution.getStepExecutions().stream()
                .sorted(Comparator.comparingLong(StepExecution::getId)).toList();
        List<StepExecution> steps = all.stream().filter(step -> !isPartition(step)).toList();
        StepExecution current = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        // a partitioned step's partitions are made after it (named step:partition): their progress is its progress
        List<StepExecution> partitions = current == null ? List.of() : all.stream()
                .filter(step -> isPartition(step) && step.getId() > current.getId()).toList();
        ExecutionContext context = current == null ? new ExecutionContext() : partitions.isEmpty()
                ? current.getExecutionContext() : partitionsTogether(partitions);
        Optional<Progress.Live> live = current == null || !current.getStatus().isRunning() ? Optional.empty()
                : Progress.live(current.getId());
        long done = live.map(Progress.Live::done).orElseGet(() ->
                context.getLong(ProgressListener.DONE, current == null ? 0 : current.getWriteCount()));
        int permille = current != null && current.getStatus() == BatchStatus.COMPLETED ? 1000
                : live.map(Progress.Live::permille).orElseGet(() -> context.getInt(ProgressListener.PERMILLE, -1));
        var parameters = execution.getJobParameters();
        String period = parameters.getString("period");
        String file = parameters.getString("file");
        String subject = period != null ? period : parameters.getString("fileName", "");
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        boolean isLast = last != null && last.getId() == execution.getId();
        boolean restartable = isLast && execution.getStatus() != BatchStatus.COMPLETED
                && execution.getStatus() != BatchStatus.ABANDONED && !jobs.runsHere(execution);
        String failure = execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED
                ? execution.getAllFailureExceptions().stream().map(Failures::rootMessage).findFirst()
                        .orElse(execution.getExitStatus().getExitDescription().lines().findFirst()
                                .map(line -> line.replaceFirst("^([a-z]\\w*\\.)+[A-Z]\\w*: ", "")).orElse(null))
                : null;
        String jobName = execution.getJobInstance().getJobName();
        List<String> names = stepNames.getOrDefault(jobName, List.of());
        return new JobRun(execution.getId(), words(jobName), subject,
                execution.getStatus(), execution.getStartTime(), execution.getEndTime(),
                current == null ? null : words(current.getStepName()),
                current == null ? 0 : names.indexOf(current.getStepName()) + 1, names.size(), done,
                live.map(Progress.Live::unit).orElse(context.containsKey(ProgressListener.UNIT)
                        ? context.getString(ProgressListener.UNIT) : null),
                permille, live.map(Progress.Live::perSecond).orElseGet(() -> perSecond(current, done)),
                failure == null || failure.isBlank() ? null : failure, restartable, period, file);
    }

    private static boolean isPartition(StepExecution step) {
        return step.getStepName().contains(":");
    }

    /** The progress of a partitioned step: what its partitions have done, and the mean of their parts done. */
    private static ExecutionContext partitionsTogether(List<StepExecution> partitions) {
        long done = 0;
        long permille = 0;
        String unit = null;
        for (StepExecution partition : partitions) {
            ExecutionContext context = partition.getExecutionContext();
            done += context.getLong(ProgressListener.DONE, partition.getWriteCount());
            permille += partition.getStatus() == BatchStatus.COMPLETED ? 1000
                    : Math.max(0, context.getInt(ProgressListener.PERMILLE, 0));
            unit = context.containsKey(ProgressListener.UNIT) ? context.getString(ProgressListener.UNIT) : unit;
        }
        ExecutionContext together = new ExecutionContext();
        together.putLong(ProgressListener.DONE, done);
        together.putInt(ProgressListener.PERMILLE, (int) (permille / partitions.size()));
        if (unit != null) {
            together.putString(ProgressListener.UNIT, unit);
        }
        return together;
    }

    private static long perSecond(StepExecution step, long done) {
        if (step == null || step.getStartTime() == null) {
            return 0;
        }
        LocalDateTime end = step.getEndTime() != null ? step.getEndTime()
                : LocalDateTime.now(ZoneId.systemDefault());
        long millis = Duration.between(step.getStartTime(), end).toMillis();
        return millis <= 0 ? 0 : done * 1000 / millis;
    }

    /** A job's or step's bean name in words: {@code calculatePayslipsStep} reads "calculate payslips". */
    static String words(String name) {
        String bare = name.replaceFirst("(Step|Job)$", "");
        return bare.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.UK);
    }
}
