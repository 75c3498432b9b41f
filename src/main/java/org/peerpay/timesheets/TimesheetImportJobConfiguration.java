package org.peerpay.timesheets;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.peerpay.employment.Employments;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.people.People;
import org.peerpay.system.ProgressListener;
import org.peerpay.wagefloor.WageFloors;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code timesheetImportJob}: identified by the file's SHA-256 ({@code sha256}); also given {@code file},
 * {@code charset}, {@code byteOrderMark}, {@code importId}, {@code fileName}, {@code asOf} and {@code outDir}. Steps: stage the rows as lines and rejects
 * (chunked, restartable mid-file), check them set-wise (one transaction), write the rejects file and complete the
 * import, which is when its lines start to count.
 */
@Configuration(proxyBeanMethods = false)
class TimesheetImportJobConfiguration {

    static final String JOB_NAME = "timesheetImportJob";

    @Bean
    Job timesheetImportJob(JobRepository jobRepository, Step stageTimesheetsStep, Step validateTimesheetsStep,
                           Step writeRejectsStep) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .start(stageTimesheetsStep)
                .next(validateTimesheetsStep)
                .next(writeRejectsStep)
                .build();
    }

    /** One block of rows a chunk: the block size is the number of rows a transaction stages. */
    @Bean
    Step stageTimesheetsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             TimesheetBlockReader timesheetBlockReader, TimesheetLineWriter timesheetLineWriter) {
        ProgressListener progress = new ProgressListener("rows",
                execution -> execution.getExecutionContext().getLong(TimesheetBlockReader.ROWS_READ, 1) - 1,
                execution -> permille(execution.getExecutionContext().getLong(TimesheetBlockReader.BYTES_READ, 0),
                        Path.of(execution.getJobParameters().getString("file"))));
        return new StepBuilder("stageTimesheetsStep", jobRepository)
                .<TimesheetBlock, TimesheetBlock>chunk(1)
                .transactionManager(transactionManager)
                .reader(timesheetBlockReader)
                .writer(timesheetLineWriter)
                .listener(progress)
                .build();
    }

    private static int permille(long bytesRead, Path file) {
        long size = file.toFile().length();
        return size == 0 ? -1 : (int) (bytesRead * 1000 / size);
    }

    /**
     * The parser is made here, not as a step-scoped bean of its own: it runs on the reader's read-ahead thread,
     * where the step scope is not available, and it needs none (it is immutable once made).
     */
    @Bean
    @StepScope
    TimesheetBlockReader timesheetBlockReader(@Value("#{jobParameters['file']}") String file,
                                              @Value("#{jobParameters['charset']}") String charset,
                                              @Value("#{jobParameters['byteOrderMark']}") Boolean byteOrderMark,
                                              @Value("#{jobParameters['importId']}") Long importId,
                                              @Value("#{jobParameters['asOf']}") LocalDate asOf,
                                              TimesheetProperties properties, People people,
                                              Employments employments, WageFloors wageFloors) {
        TimesheetRowParser parser = new TimesheetRowParser(properties.maxShiftMinutes(), asOf,
                ReferenceSnapshot.load(people, employments), wageFloors.current(),
                new ClockChanges(properties.zone(), asOf));
        TimesheetCsvReader rows = new TimesheetCsvReader(Path.of(file), Charset.forName(charset), byteOrderMark,
                properties.record());
        return new TimesheetBlockReader(rows, parser, importId,
                properties.chunkSize());
    }

    @Bean
    TimesheetLineWriter timesheetLineWriter(DataSource dataSource) {
        return new TimesheetLineWriter(dataSource);
    }

    @Bean
    Step validateTimesheetsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                TimesheetValidation timesheetValidation) {
        return new StepBuilder("validateTimesheetsStep", jobRepository)
                .tasklet(timesheetValidation, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    TimesheetValidation timesheetValidation(JdbcTemplate jdbc, Exceptions exceptions, People people,
                                            @Value("#{jobParameters['importId']}") Long importId,
                                            @Value("#{jobParameters['asOf']}") LocalDate asOf) {
        return new TimesheetValidation(jdbc, exceptions, people, importId, asOf);
    }

    @Bean
    Step writeRejectsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                          RejectsFileWriter rejectsFileWriter) {
        return new StepBuilder("writeRejectsStep", jobRepository)
                .tasklet(rejectsFileWriter, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    RejectsFileWriter rejectsFileWriter(JdbcTemplate jdbc, TimesheetImportRepository imports,
                                        @Value("#{jobParameters['importId']}") Long importId,
                                        @Value("#{jobParameters['fileName']}") String fileName,
                                        @Value("#{jobParameters['outDir']}") String outDir) {
        return new RejectsFileWriter(jdbc, imports, importId, RejectsFileWriter.rejectsFile(Path.of(outDir),
                fileName));
    }
}
