package org.peerpay.timesheets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.csv.CsvInput;
import org.peerpay.csv.FileInspection;
import org.peerpay.csv.Header;
import org.peerpay.exceptions.ExceptionType;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.system.DatabaseLocks;
import org.peerpay.system.JobFailedException;
import org.peerpay.system.Jobs;
import org.peerpay.system.PeerPayProperties;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports timesheet files. A file is checked whole first (text, header, at least one row): a file that fails is
 * refused with the reason and nothing is imported from it. A file whose bytes were imported before is a no-op.
 * Otherwise {@code timesheetImportJob} runs (or resumes) for it; a file most of whose rows are dated after the
 * as-of date is refused whole when that is found, and everything recorded of it is forgotten.
 */
@Service
public class TimesheetImporter {

    private final JdbcTemplate jdbc;
    private final Jobs jobs;
    private final Job timesheetImportJob;
    private final PeerPayProperties properties;
    private final TimesheetProperties timesheetProperties;
    private final TransactionTemplate transactions;
    private final Exceptions exceptions;
    private final TimesheetImportRepository imports;
    private final DatabaseLocks locks;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    TimesheetImporter(JdbcTemplate jdbc, Jobs jobs, Job timesheetImportJob, PeerPayProperties properties,
                      PlatformTransactionManager transactionManager, Exceptions exceptions,
                      TimesheetImportRepository imports, DatabaseLocks locks,
                      TimesheetProperties timesheetProperties, io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.timesheetProperties = timesheetProperties;
        this.locks = locks;
        this.imports = imports;
        this.exceptions = exceptions;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jobs = jobs;
        this.timesheetImportJob = timesheetImportJob;
        this.properties = properties;
    }

    /**
     * @param asOf shifts dated after this are rejected as FUTURE_DATE
     * @throws CsvFileRefusedException when the file as a whole cannot be imported
     */
    public ImportResult importFile(Path file, LocalDate asOf) {
        return importFile(file, asOf, properties.outDir());
    }

    /** As {@link #importFile(Path, LocalDate)}, writing the rejects file under another output directory. */
    public ImportResult importFile(Path file, LocalDate asOf, Path outDir) {
        if (!Files.isRegularFile(file)) {
            throw new CsvFileRefusedException(file + " does not exist or is not a file.");
        }
        FileInspection inspection = FileInspection.of(file);
        String fileName = file.getFileName().toString();
        List<String> warnings = new ArrayList<>();
        try (CsvInput input = CsvInput.open(inspection, timesheetProperties.record())) {
            Header header = input.header().require(TimesheetColumns.REQUIRED);
            header.unknownColumnsWarning(TimesheetColumns.KNOWN, fileName, "timesheet").ifPresent(warnings::add);
            if (!hasARow(input)) {
                throw new CsvFileRefusedException(fileName + " has a header row but no shifts: there is nothing to"
                        + " import.");
            }
        }
        // One import at a time across processes: each checks its shifts against every completed import, so two
        // at once could each accept a shift the other holds.
        return locks.holding("peerpay.timesheets.import", "another timesheet import is in progress",
                () -> importAlone(file, asOf, outDir, inspection, fileName, warnings));
    }

    private ImportResult importAlone(Path file, LocalDate asOf, Path outDir, FileInspection inspection,
                                     String fileName, List<String> warnings) {
        TimesheetImport before = imports.findBySha256(inspection.sha256()).orElse(null);
        if (before != null && before.isCompleted()) {
            return result(before.id(), true, warnings, outDir);
        }
        TimesheetImport staging = before == null ? TimesheetImport.stage(inspection.sha256(), fileName) : before;
        if (before != null) {
            staging.resumeAs(fileName);
        }
        long importId = imports.save(staging).id();
        JobParameters parameters = new JobParametersBuilder()
                .addString("sha256", inspection.sha256(), true)
                .addString("file", file.toAbsolutePath().toString(), false)
                .addString("charset", inspection.charset().name(), false)
                .addJobParameter("byteOrderMark", inspection.hasBom(), Boolean.class, false)
                .addString("fileName", fileName, false)
                .addLong("importId", importId, false)
                .addLocalDate("asOf", asOf, false)
                .addString("outDir", outDir.toAbsolutePath().toString(), false)
                .toJobParameters();
        try {
            jobs.run(timesheetImportJob, parameters);
        } catch (JobFailedException e) {
            if (e.getCause() instanceof FileDatedAfterAsOf refusal) {
                discard(importId, parameters);
                throw new CsvFileRefusedException(fileName + ": " + refusal.getMessage());
            }
            throw e;
        }
        warnRepeatedTimes(importId, fileName, asOf, warnings);
        ImportResult result = result(importId, false, warnings, outDir);
        meters.counter("peerpay.timesheets.rows", "outcome", "accepted").increment(result.accepted());
        result.rejected().forEach((reason, count) -> meters.counter("peerpay.timesheets.rows", "outcome",
                "rejected", "reason", reason.name()).increment(count));
        return result;
    }

    /**
     * Flags shifts that start or end in the hour that happens twice when the clocks go back: such a time is taken
     * as its first occurrence (summer time), which the person who filled the timesheet may not have meant.
     */
    private void warnRepeatedTimes(long importId, String fileName, LocalDate asOf, List<String> warnings) {
        ClockChanges clock = new ClockChanges(timesheetProperties.zone(), asOf);
        List<Integer> rows = new ArrayList<>();
        jdbc.query(c -> {
            var query = c.prepareStatement("select source_row, starts_at, ends_at from timesheet_line"
                    + " where import_id = ? and work_date = any(?) order by source_row");
            query.setLong(1, importId);
            query.setArray(2, c.createArrayOf("date", Arrays.stream(clock.daysTouched())
                    .map(Date::valueOf).toArray()));
            return query;
        }, rs -> {
            if (clock.repeated(rs.getObject(2, LocalDateTime.class)) || clock.repeated(rs.getObject(3,
                    LocalDateTime.class))) {
                rows.add(rs.getInt(1));
            }
        });
        if (!rows.isEmpty()) {
            warnings.add(fileName + ": row(s) " + rows.stream().limit(20).map(String::valueOf)
                    .collect(Collectors.joining(", ")) + " start or end in the hour that happens"
                    + " twice when the clocks go back; it was taken as the first of the two (summer time). If a"
                    + " shift was worked in the second, correct its minutes with the coordinator");
        }
    }

    /** Forgets an import that was refused: its lines, rejects and exceptions, its record and its job instance. */
    private void discard(long importId, JobParameters parameters) {
        transactions.executeWithoutResult(status -> {
            exceptions.withdrawForImport(importId);
            jdbc.update("delete from timesheet_reject where import_id = ?", importId);
            jdbc.update("delete from timesheet_line where import_id = ?", importId);
            imports.deleteById(importId);
        });
        jobs.forget(timesheetImportJob, parameters);
    }

    private static boolean hasARow(CsvInput input) {
        try {
            for (String[] record; (record = input.next()) != null; ) {
                if (record.length > 1 || !record[0].isBlank()) {
                    return true;
                }
            }
            return false;
        } catch (CsvInput.MalformedRecordException e) {
            return true;
        }
    }

    /** The first {@code limit} rejected rows of an import, in row order. */
    public List<RejectedRow> rejectedRows(long importId, int limit) {
        return jdbc.query("""
                select source_row, reason, detail, mentor_ref, service_user_ref, work_date, start_time, end_time,
                       break_minutes, activity, notes
                from timesheet_reject where import_id = ? order by source_row limit ?
                """, (rs, i) -> new RejectedRow(rs.getInt(1), RejectReason.valueOf(rs.getString(2)), rs.getString(3),
                java.util.Arrays.asList(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11))), importId, limit);
    }

    /** What an import did, as {@link #importFile} said it then (warnings aside). */
    public java.util.Optional<ImportResult> resultOf(long importId, Path outDir) {
        return imports.findById(importId).filter(TimesheetImport::isCompleted)
                .map(done -> result(importId, false, List.of(), outDir));
    }

    private ImportResult result(long importId, boolean alreadyImported, List<String> warnings, Path outDir) {
        Map<RejectReason, Integer> rejected = new EnumMap<>(RejectReason.class);
        jdbc.query("select reason, count(*) from timesheet_reject where import_id = ? group by reason", rs -> {
            rejected.put(RejectReason.valueOf(rs.getString(1)), rs.getInt(2));
        }, importId);
        int belowFloor = exceptions.countOfImport(ExceptionType.BELOW_FLOOR, importId);
        TimesheetImport done = imports.findById(importId).orElseThrow();
        return new ImportResult(done.fileName(), importId, alreadyImported, done.importedAt(), done.rowsRead(),
                done.accepted(), rejected, belowFloor,
                rejected.isEmpty() ? null : RejectsFileWriter.rejectsFile(outDir, done.fileName()), warnings);
    }
}
