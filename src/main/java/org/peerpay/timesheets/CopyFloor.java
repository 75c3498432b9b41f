package org.peerpay.timesheets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The floor under the import's speed, for benchmarks: PostgreSQL's own {@code COPY} of a timesheet file from this
 * process, with no checking at all, into a temporary table of the file's columns as text ({@link #bare}), or typed
 * and keyed as {@code timesheet_line} is, with its indexes: the import's (file, row) primary key, the BRIN index on
 * the date and the (employment, date) index, the employment a number made from the row's references
 * ({@link #shaped}). No importer that stores the rows can beat it. The tables go when the connection's
 * session ends; nothing is kept.
 */
@Component
public class CopyFloor {

    private static final String COLUMNS = "mentor_ref, service_user_ref, work_date, start_time, end_time,"
            + " break_minutes, activity, notes";

    private final DataSource dataSource;

    CopyFloor(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Copies the file into a table of text columns; returns the rows copied. */
    public long bare(Path file) {
        return copy(file, """
                create temp table copy_floor_bare (mentor_ref text, service_user_ref text, work_date text,
                    start_time text, end_time text, break_minutes text, activity text, notes text)""",
                "copy_floor_bare");
    }

    /** Copies the file into a table typed and indexed as timesheet lines are; returns the rows copied. */
    public long shaped(Path file) {
        return copy(file, """
                create temp table copy_floor_shaped (
                    import_id bigint not null default 1,
                    source_row integer generated always as identity,
                    mentor_ref text not null, service_user_ref text not null, work_date date not null,
                    start_time time not null, end_time time not null, break_minutes integer not null,
                    activity text, notes text,
                    employment_key bigint generated always as (hashtext(mentor_ref || service_user_ref)) stored,
                    primary key (import_id, source_row)) with (fillfactor = 50);
                create index copy_floor_shaped_date on copy_floor_shaped using brin (work_date);
                create index copy_floor_shaped_employment on copy_floor_shaped (employment_key, work_date)""",
                "copy_floor_shaped");
    }

    private long copy(Path file, String create, String table) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement(); InputStream in = Files.newInputStream(file)) {
            statement.execute("drop table if exists " + table);
            statement.execute(create);
            long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + COLUMNS
                    + ") from stdin with (format csv, header true)", in);
            statement.execute("drop table " + table);
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("COPY of " + file.getFileName() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
