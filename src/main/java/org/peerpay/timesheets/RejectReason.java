package org.peerpay.timesheets;

/** Why a timesheet row was not accepted. Each rejected row keeps its reason and a detail saying what to fix. */
public enum RejectReason {
    /** The row cannot be read: wrong number of cells, a required cell blank, an unclosed quote. */
    MALFORMED,
    BAD_DATE,
    BAD_TIME,
    /** No time worked once the break is taken off, or a negative break. */
    NOT_POSITIVE,
    TOO_LONG,
    FUTURE_DATE,
    UNKNOWN_MENTOR,
    UNKNOWN_SERVICE_USER,
    /** The mentor was not employed by the service user on the shift's date. */
    NO_EMPLOYMENT,
    /** The same shift (mentor, service user, start and end) was already imported, or appears twice in the file. */
    DUPLICATE,
    /** The mentor was already working (for any service user) during part of the shift. */
    OVERLAP
}
