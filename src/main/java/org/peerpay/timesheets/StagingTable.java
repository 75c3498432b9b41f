package org.peerpay.timesheets;

/**
 * The staging table of one import, {@code staging.timesheet_<import id>}: created for the import, dropped after.
 * It is unlogged (no write-ahead log, so twice as fast to fill); crash recovery empties unlogged tables, which the
 * reader notices on restart ({@link #stagedRows}) and so stages the file again from its first row.
 */
record StagingTable(long importId) {

    String name() {
        return "staging.timesheet_" + importId;
    }

    String createSql() {
        return "create unlogged table if not exists " + name() + """
                 (
                    row_number       integer primary key,
                    mentor_ref       text, service_user_ref text, date_text text, start_text text, end_text text,
                    break_text       text, activity text, notes text,
                    work_date        date, starts_at timestamp, ends_at timestamp,
                    break_minutes    integer, minutes integer,
                    employment_id    bigint, mentor_id bigint, service_user_id bigint,
                    reason           text, detail text
                )""";
    }

    String copySql() {
        return "copy " + name() + " (row_number, mentor_ref, service_user_ref, date_text, start_text, end_text,"
                + " break_text, activity, notes, work_date, starts_at, ends_at, break_minutes, minutes,"
                + " employment_id, mentor_id, service_user_id, reason, detail) from stdin with (format csv)";
    }

    /** The last row number staged, or 1 (the header) when none is. */
    String stagedRowsSql() {
        return "select coalesce(max(row_number), 1) from " + name();
    }

    String dropSql() {
        return "drop table if exists " + name();
    }
}
