package org.peerpay.timesheets;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes a chunk of staged rows with PostgreSQL {@code COPY}, in the chunk's transaction: the rows and the
 * reader's restart point commit together, so a restart neither loses nor repeats a row.
 */
class StagingWriter implements ItemWriter<StagedTimesheetRow> {

    private final DataSource dataSource;
    private final StagingTable table;

    StagingWriter(DataSource dataSource, StagingTable table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    @Override
    public void write(Chunk<? extends StagedTimesheetRow> chunk) throws SQLException, IOException {
        StringBuilder csv = new StringBuilder(chunk.size() * 160);
        for (StagedTimesheetRow row : chunk) {
            csv.append(row.raw().rowNumber());
            for (String cell : row.raw().cells()) {
                text(csv, cell);
            }
            value(csv, row.workDate());
            value(csv, row.startsAt());
            value(csv, row.endsAt());
            value(csv, row.breakMinutes());
            value(csv, row.minutes());
            value(csv, row.employment() == null ? null : row.employment().id());
            value(csv, row.employment() == null ? null : row.employment().mentorId());
            value(csv, row.employment() == null ? null : row.employment().serviceUserId());
            value(csv, row.reason());
            text(csv, row.detail());
            csv.append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(table.copySql(), new StringReader(csv.toString()));
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A quoted text cell; null stays an unquoted empty cell, which COPY reads as NULL. */
    private static void text(StringBuilder csv, String cell) {
        csv.append(',');
        if (cell != null) {
            csv.append('"');
            for (int i = 0; i < cell.length(); i++) {
                char c = cell.charAt(i);
                if (c == '"') {
                    csv.append('"');
                }
                csv.append(c);
            }
            csv.append('"');
        }
    }

    private static void value(StringBuilder csv, Object value) {
        csv.append(',');
        if (value != null) {
            csv.append(value);
        }
    }
}
