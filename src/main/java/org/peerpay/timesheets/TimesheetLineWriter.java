package org.peerpay.timesheets;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.peerpay.exceptions.Exceptions;
import org.postgresql.copy.CopyManager;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes blocks with PostgreSQL {@code COPY}, in the chunk's transaction: shifts into {@code timesheet_line} (and
 * their BELOW_FLOOR exceptions), rows already rejected into {@code timesheet_reject}. They commit together with
 * the reader's restart point, so a restart neither loses nor repeats a row; the lines count only once the import
 * completes.
 */
class TimesheetLineWriter implements ItemWriter<TimesheetBlock> {

    private static final String COPY_LINES = "copy timesheet_line (import_id, source_row, employment_id, mentor_id,"
            + " service_user_id, work_date, starts_at, ends_at, break_minutes, minutes, activity, notes)"
            + " from stdin with (format csv)";
    private static final String COPY_REJECTS = "copy timesheet_reject (import_id, source_row, reason, detail,"
            + " mentor_ref, service_user_ref, work_date, start_time, end_time, break_minutes, activity, notes,"
            + " extra_cells)"
            + " from stdin with (format csv)";

    private final DataSource dataSource;

    TimesheetLineWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void write(Chunk<? extends TimesheetBlock> chunk) throws SQLException, IOException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            // Safe to commit without waiting for the disk: the block and its restart point commit together, so a
            // crash that loses this commit loses both, and the restart reads the block again.
            statement.execute("set local synchronous_commit = off");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (TimesheetBlock block : chunk) {
                copy(copy, COPY_LINES, block.lines());
                Exceptions.copyIn(connection, block.exceptions());
                copy(copy, COPY_REJECTS, block.rejects());
                statement.executeUpdate("update timesheet_import set lines_staged = lines_staged + "
                        + block.lineCount() + " where id = " + block.importId());
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void copy(CopyManager copy, String sql, byte[] csv) throws SQLException, IOException {
        if (csv.length > 0) {
            copy.copyIn(sql, new ByteArrayInputStream(csv));
        }
    }
}
