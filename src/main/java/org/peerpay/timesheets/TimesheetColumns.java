package org.peerpay.timesheets;

import java.util.List;
import java.util.Set;

/** The canonical timesheet CSV columns. */
final class TimesheetColumns {

    static final String MENTOR_REF = "mentor_ref";
    static final String SERVICE_USER_REF = "service_user_ref";
    static final String DATE = "date";
    static final String START = "start";
    static final String END = "end";
    static final String BREAK_MINUTES = "break_minutes";
    static final String ACTIVITY = "activity";
    static final String NOTES = "notes";

    static final List<String> REQUIRED = List.of(MENTOR_REF, SERVICE_USER_REF, DATE, START, END);
    /** In the order of {@link RawTimesheetRow#cells()}. */
    static final List<String> ALL = List.of(MENTOR_REF, SERVICE_USER_REF, DATE, START, END, BREAK_MINUTES,
            ACTIVITY, NOTES);
    /** The canonical columns and those a rejects file adds: a corrected rejects file is imported as it is. */
    static final Set<String> KNOWN = Set.of(MENTOR_REF, SERVICE_USER_REF, DATE, START, END, BREAK_MINUTES,
            ACTIVITY, NOTES, "source_row", "reason", "detail");

    private TimesheetColumns() {
    }
}
