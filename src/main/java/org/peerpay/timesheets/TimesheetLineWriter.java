package org.peerpay.timesheets;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.copy.CopyManager;
import org.postgresql.PGConnection;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk with PostgreSQL {@code COPY}, in the chunk's transaction: shifts into {@code timesheet_line}
 * (and a BELOW_FLOOR exception for each under the floor), rows already rejected into {@code timesheet_reject}. They commit together with the reader's restart point, so a
 * restart neither loses nor repeats a row; the lines count only once the import completes.
 */
class TimesheetLineWriter implements ItemWriter<StagedTimesheetRow> {

    private static final String COPY_LINES = "copy timesheet_line (import_id, source_row, employment_id, mentor_id,"
            + " service_user_id, work_date, starts_at, ends_at, break_minutes, minutes, activity, notes)"
            + " from stdin with (format csv)";
    private static final String COPY_REJECTS = "copy timesheet_reject (import_id, source_row, reason, detail,"
            + " mentor_ref, service_user_ref, work_date, start_time, end_time, break_minutes, activity, notes)"
            + " from stdin with (format csv)";
    private static final String COPY_EXCEPTIONS = "copy payroll_exception (type, service_user_id, mentor_id,"
            + " employment_id, import_id, source_row, work_date, detail) from stdin with (format csv)";

    private final DataSource dataSource;
    private final long importId;

    TimesheetLineWriter(DataSource dataSource, long importId) {
        this.dataSource = dataSource;
        this.importId = importId;
    }

    @Override
    public void write(Chunk<? extends StagedTimesheetRow> chunk) throws SQLException, IOException {
        StringBuilder lines = new StringBuilder(chunk.size() * 120);
        StringBuilder rejects = new StringBuilder();
        StringBuilder belowFloor = new StringBuilder();
        for (StagedTimesheetRow row : chunk) {
            String[] cells = row.raw().cells();
            if (row.reason() == null) {
                lines.append(importId).append(',').append(row.raw().rowNumber());
                value(lines, row.employment().id());
                value(lines, row.employment().mentorId());
                value(lines, row.employment().serviceUserId());
                value(lines, row.workDate());
                value(lines, row.startsAt());
                value(lines, row.endsAt());
                value(lines, row.breakMinutes());
                value(lines, row.minutes());
                text(lines, cells[6].isEmpty() ? null : cells[6]);
                text(lines, cells[7].isEmpty() ? null : cells[7]);
                lines.append('\n');
                if (row.belowFloor() != null) {
                    belowFloor.append("BELOW_FLOOR");
                    value(belowFloor, row.employment().serviceUserId());
                    value(belowFloor, row.employment().mentorId());
                    value(belowFloor, row.employment().id());
                    value(belowFloor, importId);
                    value(belowFloor, row.raw().rowNumber());
                    value(belowFloor, row.workDate());
                    text(belowFloor, row.belowFloor());
                    belowFloor.append('\n');
                }
            } else {
                rejects.append(importId).append(',').append(row.raw().rowNumber());
                value(rejects, row.reason());
                text(rejects, row.detail());
                for (String cell : cells) {
                    text(rejects, cell);
                }
                rejects.append('\n');
            }
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy(copy, COPY_LINES, lines);
            copy(copy, COPY_REJECTS, rejects);
            copy(copy, COPY_EXCEPTIONS, belowFloor);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void copy(CopyManager copy, String sql, StringBuilder csv) throws SQLException, IOException {
        if (!csv.isEmpty()) {
            copy.copyIn(sql, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** A quoted text cell; null stays an unquoted empty cell, which COPY reads as NULL. */
    private static void text(StringBuilder csv, String cell) {
        csv.append(',');
        if (cell != null) {
            csv.append('"').append(cell.indexOf('"') < 0 ? cell : cell.replace("\"", "\"\"")).append('"');
        }
    }

    private static void value(StringBuilder csv, Object value) {
        csv.append(',');
        if (value != null) {
            csv.append(value);
        }
    }
}
