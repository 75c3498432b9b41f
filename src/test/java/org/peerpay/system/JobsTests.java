package org.peerpay.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.peerpay.support.DatabaseTest;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;

/** A failed job is reported once, in one line: the operator's log (and the test output) carries no stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class JobsTests extends DatabaseTest {

    @Autowired
    Jobs jobs;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    PlatformTransactionManager transactionManager;

    Job failingWith(RuntimeException failure) {
        return new JobBuilder("failingJob", jobRepository)
                .start(new StepBuilder("failingStep", jobRepository).tasklet((contribution, chunk) -> {
                    if (failure != null) {
                        throw failure;
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager).build())
                .build();
    }

    @Test
    void reportsAFaultInOneLineWithItsStackTraceOnlyAtDebug(CapturedOutput output) {
        assertThatThrownBy(() -> jobs.run(failingWith(new IllegalStateException("the disk is full")),
                new JobParametersBuilder().addLong("run", 1L).toJobParameters()))
                .isInstanceOf(JobFailedException.class)
                .hasMessageContaining("failingJob failed in failingStep").hasMessageContaining("the disk is full");

        assertThat(output.getAll()).contains("failingJob failed: the disk is full")
                .doesNotContain("\tat ").doesNotContain("IllegalStateException");
    }

    @Test
    void reportsARefusedInputInOneLineAndHandsItToTheCaller(CapturedOutput output) {
        assertThatThrownBy(() -> jobs.run(failingWith(new UserFacingException("row 7 is wrong")),
                new JobParametersBuilder().addLong("run", 2L).toJobParameters()))
                .isInstanceOf(JobFailedException.class).cause().hasMessage("row 7 is wrong");

        assertThat(output.getAll()).contains("failingJob refused its input: row 7 is wrong").doesNotContain("\tat ");
    }

    @Test
    void atStartMarksFailedAnExecutionADeadProcessLeftButNotOneThisProcessIsRunning() throws Exception {
        // left by a dead process: STARTED in the repository, and no one holds its lock
        var parameters = new JobParametersBuilder().addLong("run", 3L).toJobParameters();
        var instance = jobRepository.createJobInstance("abandonedJob", parameters);
        var abandoned = jobRepository.createJobExecution(instance, parameters,
                new org.springframework.batch.infrastructure.item.ExecutionContext());
        abandoned.setStatus(org.springframework.batch.core.BatchStatus.STARTED);
        abandoned.setStartTime(java.time.LocalDateTime.now());
        jobRepository.update(abandoned);

        // running here: its tasklet waits until told to finish
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        Job waiting = new JobBuilder("waitingJob", jobRepository)
                .start(new StepBuilder("waitingStep", jobRepository).tasklet((contribution, chunk) -> {
                    started.countDown();
                    finish.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    return RepeatStatus.FINISHED;
                }, transactionManager).build())
                .build();
        Thread running = new Thread(() -> jobs.run(waiting, new JobParametersBuilder().addLong("run", 4L)
                .toJobParameters()));
        running.start();
        try {
            assertThat(started.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            assertThat(jobs.recoverAbandoned()).containsExactly(abandoned.getId());
        } finally {
            finish.countDown();
            running.join(30_000);
        }
        assertThat(jobRepository.getJobExecution(abandoned.getId()).getStatus())
                .isEqualTo(org.springframework.batch.core.BatchStatus.FAILED);
        assertThat(jobRepository.getLastJobExecution("waitingJob", new JobParametersBuilder().addLong("run", 4L)
                .toJobParameters()).getStatus()).isEqualTo(org.springframework.batch.core.BatchStatus.COMPLETED);
    }
}
