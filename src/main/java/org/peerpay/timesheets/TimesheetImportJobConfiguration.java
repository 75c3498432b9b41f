package org.peerpay.timesheets;

import java.nio.file.Path;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.peerpay.system.ProgressListener;
import org.peerpay.wagefloor.WageFloors;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code timesheetImportJob}: identified by the file's SHA-256 ({@code sha256}); also given {@code file},
 * {@code importId}, {@code fileName}, {@code asOf} and {@code outDir}. Steps: stage the rows as lines and rejects
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

    @Bean
    Step stageTimesheetsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                             TimesheetCsvReader timesheetCsvReader, TimesheetRowParser timesheetRowParser,
                             TimesheetLineWriter timesheetLineWriter, TimesheetProperties properties) {
        return new StepBuilder("stageTimesheetsStep", jobRepository)
                .<RawTimesheetRow, StagedTimesheetRow>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(timesheetCsvReader)
                .processor(timesheetRowParser)
                .writer(timesheetLineWriter)
                .listener(new ProgressListener("stageTimesheetsStep", "rows staged"))
                .build();
    }

    @Bean
    @StepScope
    TimesheetCsvReader timesheetCsvReader(@Value("#{jobParameters['file']}") String file) {
        return new TimesheetCsvReader(Path.of(file));
    }

    @Bean
    @StepScope
    TimesheetRowParser timesheetRowParser(TimesheetProperties properties, JdbcTemplate jdbc, WageFloors wageFloors,
                                          @Value("#{jobParameters['asOf']}") LocalDate asOf) {
        return new TimesheetRowParser(properties.maxShiftMinutes(), asOf, ReferenceSnapshot.load(jdbc),
                wageFloors.current());
    }

    @Bean
    @StepScope
    TimesheetLineWriter timesheetLineWriter(DataSource dataSource, @Value("#{jobParameters['importId']}") Long importId) {
        return new TimesheetLineWriter(dataSource, importId);
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
    TimesheetValidation timesheetValidation(JdbcTemplate jdbc, @Value("#{jobParameters['importId']}") Long importId) {
        return new TimesheetValidation(jdbc, importId);
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
    RejectsFileWriter rejectsFileWriter(JdbcTemplate jdbc, @Value("#{jobParameters['importId']}") Long importId,
                                        @Value("#{jobParameters['fileName']}") String fileName,
                                        @Value("#{jobParameters['outDir']}") String outDir) {
        return new RejectsFileWriter(jdbc, importId, RejectsFileWriter.rejectsFile(Path.of(outDir), fileName));
    }
}
