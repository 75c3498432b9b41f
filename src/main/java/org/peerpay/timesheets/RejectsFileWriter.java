package org.peerpay.timesheets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.peerpay.csv.CsvOutput;
import org.peerpay.system.OutputPaths;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes an import's rejected rows to {@code <out>/imports/<file>.rejects.csv}: the canonical columns first, as
 * sent, so the file can be corrected and uploaded again, then the source row, reason and what to do, then any
 * cells a MALFORMED row had past the header's last column (so that nothing sent is lost). Marks the
 * import completed. An import with no rejects removes a rejects file left by an earlier import of that name.
 */
class RejectsFileWriter implements Tasklet {

    private final JdbcTemplate jdbc;
    private final TimesheetImportRepository imports;
    private final long importId;
    private final Path rejectsFile;

    RejectsFileWriter(JdbcTemplate jdbc, TimesheetImportRepository imports, long importId, Path rejectsFile) {
        this.jdbc = jdbc;
        this.imports = imports;
        this.importId = importId;
        this.rejectsFile = rejectsFile;
    }

    static Path rejectsFile(Path outDir, String fileName) {
        return OutputPaths.under(outDir, "imports", OutputPaths.name(fileName) + ".rejects.csv");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
        TimesheetImport completing = imports.findById(importId).orElseThrow();
        if (completing.rejected() == 0) {
            Files.deleteIfExists(rejectsFile);
        } else {
            try (CsvOutput out = CsvOutput.create(rejectsFile, "mentor_ref", "service_user_ref", "date", "start",
                    "end", "break_minutes", "activity", "notes", "source_row", "reason", "detail")) {
                // Streamed a block at a time (the driver would otherwise hold a million rejects in memory at once)
                jdbc.query(connection -> {
                    var query = connection.prepareStatement("""
                            select mentor_ref, service_user_ref, work_date, start_time, end_time, break_minutes,
                                   activity, notes, source_row, reason, detail, extra_cells
                            from timesheet_reject where import_id = ? order by source_row
                            """);
                    query.setFetchSize(10_000);
                    query.setLong(1, importId);
                    return query;
                }, rs -> {
                    List<Object> row = new ArrayList<>(Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getInt(9), rs.getString(10), rs.getString(11)));
                    Array extra = rs.getArray(12);
                    if (extra != null) {
                        row.addAll(Arrays.asList((Object[]) extra.getArray()));
                    }
                    out.row(row.toArray());
                });
                out.commit();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        completing.complete();
        return RepeatStatus.FINISHED;
    }
}
