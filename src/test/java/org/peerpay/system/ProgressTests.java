package org.peerpay.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.peerpay.support.DatabaseTest;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.support.ListItemReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

class ProgressTests extends DatabaseTest {

    @Autowired
    JobRepository jobRepository;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JobRuns jobRuns;

    @Test
    void drawsABarWithTheCountTheRateAndTheTimeLeft() {
        Progress progress = new Progress("stageTimesheetsStep", "rows", null);

        assertThat(progress.line(450_000, 450, 4_500_000_000L))
                .isEqualTo("stageTimesheetsStep [##########--------------] 45% 450,000 rows, 100,000 a second,"
                        + " about 6 s left");
        assertThat(progress.line(12, -1, 2_000_000_000L)).isEqualTo("stageTimesheetsStep 12 rows, 6 a second");
        assertThat(progress.line(10, 1, 120_000_000_000L)).endsWith("about 1998 min left");
    }

    @Test
    void endsATerminalsBarWithTheWholeCount() {
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        Progress progress = new Progress("writePayslipPdfsStep", "payslips",
                new PrintStream(shown, true, StandardCharsets.UTF_8));

        progress.end(10);
        assertThat(shown.toString(StandardCharsets.UTF_8)).as("nothing shown, nothing ended").isEmpty();
    }

    @Test
    void isAskedForTheCountAfterEveryChunkOfASpringBatchSixStep() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        List<Object> written = new ArrayList<>();
        var step = new StepBuilder("countedStep", jobRepository)
                .<Integer, Integer>chunk(10)
                .transactionManager(transactionManager)
                .reader(new ListItemReader<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
                        19, 20, 21, 22, 23, 24, 25)))
                .writer(chunk -> written.addAll(chunk.getItems()))
                .listener(new ProgressListener("numbers", execution -> {
                    asked.incrementAndGet();
                    return execution.getWriteCount();
                }, execution -> -1))
                .build();
        Job job = new JobBuilder("progressTestJob", jobRepository).start(step).build();

        var execution = jobOperator.start(job, new JobParametersBuilder().addLong("run", System.nanoTime())
                .toJobParameters());

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(written).hasSize(25);
        assertThat(asked).as("three chunks, then the end of the step").hasValue(4);
    }

    @Test
    void theJobRunsFollowAOnePieceStepThatThisProcessRunsWhileItRuns() throws Exception {
        java.util.concurrent.CountDownLatch shown = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        var step = new StepBuilder("onePieceStep", jobRepository)
                .tasklet((contribution, chunk) -> {
                    Progress progress = Progress.ofStep(chunk.getStepContext().getStepExecution(), "payslips");
                    progress.update(40, 400);
                    shown.countDown();
                    finish.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    progress.end(100);
                    return org.springframework.batch.infrastructure.repeat.RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
        Job job = new JobBuilder("onePieceJob", jobRepository).start(step).build();
        Thread running = new Thread(() -> {
            try {
                jobOperator.start(job, new JobParametersBuilder().addLong("run", System.nanoTime())
                        .toJobParameters());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        running.start();
        try {
            assertThat(shown.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            JobRuns.JobRun run = jobRuns.recent(5).stream().filter(r -> r.job().equals("one piece")).findFirst()
                    .orElseThrow();
            assertThat(run.status()).isEqualTo(BatchStatus.STARTED);
            assertThat(run.step()).isEqualTo("one piece");
            assertThat(run.done()).isEqualTo(40);
            assertThat(run.permille()).isEqualTo(400);
            assertThat(run.unit()).isEqualTo("payslips");
        } finally {
            finish.countDown();
            running.join(30_000);
        }
        JobRuns.JobRun ended = jobRuns.recent(5).stream().filter(r -> r.job().equals("one piece")).findFirst()
                .orElseThrow();
        assertThat(ended.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(ended.permille()).isEqualTo(1000);
    }
}
