package org.peerpay.timesheets;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A row read and checked on its own: its cells as sent, and either the shift it describes (with the employment
 * it is worked under) or why it was rejected. Checks that need other rows or earlier imports come later, in SQL.
 */
record StagedTimesheetRow(RawTimesheetRow raw, LocalDate workDate, LocalDateTime startsAt, LocalDateTime endsAt,
                          Integer breakMinutes, Integer minutes, ReferenceSnapshot.Employed employment,
                          RejectReason reason, String detail, String belowFloor) {

    static StagedTimesheetRow rejected(RawTimesheetRow raw, RejectReason reason, String detail) {
        return new StagedTimesheetRow(raw, null, null, null, null, null, null, reason, detail, null);
    }

    StagedTimesheetRow rejectedAs(RejectReason rejectReason, String why) {
        return new StagedTimesheetRow(raw, workDate, startsAt, endsAt, breakMinutes, minutes, null, rejectReason, why,
                null);
    }

    /**
     * @param underFloor when the shift's rate is under the floor in force, what a coordinator is told; else null
     */
    StagedTimesheetRow workedUnder(ReferenceSnapshot.Employed worked, String underFloor) {
        return new StagedTimesheetRow(raw, workDate, startsAt, endsAt, breakMinutes, minutes, worked, null, null,
                underFloor);
    }
}
