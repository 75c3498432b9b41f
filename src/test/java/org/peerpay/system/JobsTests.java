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
}
