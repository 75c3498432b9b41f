package org.peerpay.timesheets;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A row read and checked on its own: its cells as sent, and either the shift it describes or why it was
 * rejected. Checks that need other rows or the database come later, in SQL.
 */
record StagedTimesheetRow(RawTimesheetRow raw, LocalDate workDate, LocalDateTime startsAt, LocalDateTime endsAt,
                          Integer breakMinutes, Integer minutes, RejectReason reason, String detail) {

    static StagedTimesheetRow rejected(RawTimesheetRow raw, RejectReason reason, String detail) {
        return new StagedTimesheetRow(raw, null, null, null, null, null, reason, detail);
    }
}
