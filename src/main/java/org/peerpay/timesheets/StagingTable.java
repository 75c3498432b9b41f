package org.peerpay.timesheets;

/** The staging table of one import, {@code staging.timesheet_<import id>}: created for the import, dropped after. */
record StagingTable(long importId) {

    String name() {
        return "staging.timesheet_" + importId;
    }

    String createSql() {
        return "create table if not exists " + name() + """
                 (
                    row_number       integer primary key,
                    mentor_ref       text, service_user_ref text, date_text text, start_text text, end_text text,
                    break_text       text, activity text, notes text,
                    work_date        date, starts_at timestamp, ends_at timestamp,
                    break_minutes    integer, minutes integer,
                    reason           text, detail text
                )""";
    }

    String copySql() {
        return "copy " + name() + " (row_number, mentor_ref, service_user_ref, date_text, start_text, end_text,"
                + " break_text, activity, notes, work_date, starts_at, ends_at, break_minutes, minutes, reason,"
                + " detail) from stdin with (format csv)";
    }

    String dropSql() {
        return "drop table if exists " + name();
    }
}
