package org.peerpay.timesheets;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.peerpay.csv.CsvRow;
import org.peerpay.money.HourlyRate;
import org.peerpay.wagefloor.FloorSchedule;

/**
 * Reads one row's cells into a shift and finds the employment it was worked under (noting when its rate is under
 * the wage floor in force), or gives the reason it cannot be accepted. No side effects: it reads only the row and a snapshot of the reference data. Dates are
 * yyyy-MM-dd or dd/MM/yyyy; times are H:mm or HH:mm on a 24-hour clock; an end before the start is the next day.
 * Reasons are checked in this order: MALFORMED, BAD_DATE, BAD_TIME, NOT_POSITIVE, TOO_LONG, FUTURE_DATE,
 * UNKNOWN_MENTOR, UNKNOWN_SERVICE_USER, NO_EMPLOYMENT.
 */
class TimesheetRowParser {

    private static final int MINUTES_PER_DAY = 24 * 60;

    /** What a reader puts for bytes that are not valid in the file's encoding. */
    private static final char NOT_UTF8 = '\uFFFD';

    private final int maxShiftMinutes;
    private final LocalDate asOf;
    private final ReferenceSnapshot reference;
    private final FloorSchedule floors;
    private final ClockChanges clock;

    TimesheetRowParser(int maxShiftMinutes, LocalDate asOf, ReferenceSnapshot reference, FloorSchedule floors,
                       ClockChanges clock) {
        this.clock = clock;
        this.maxShiftMinutes = maxShiftMinutes;
        this.asOf = asOf;
        this.reference = reference;
        this.floors = floors;
    }

    /** Called on the import's read-ahead thread: it must stay free of shared mutable state. */
    StagedTimesheetRow process(RawTimesheetRow raw) {
        StagedTimesheetRow shift = parse(raw);
        return shift.reason() != null ? shift : resolve(shift);
    }

    private StagedTimesheetRow resolve(StagedTimesheetRow shift) {
        String mentor = shift.raw().cell(0);
        String serviceUser = shift.raw().cell(1);
        LocalDate date = shift.workDate();
        if (date.isAfter(asOf)) {
            return shift.rejectedAs(RejectReason.FUTURE_DATE, "the shift is on " + date + ", after " + asOf
                    + ": import it once it has been worked");
        }
        if (reference.mentorId(mentor) == null) {
            return shift.rejectedAs(RejectReason.UNKNOWN_MENTOR, "mentor " + mentor + " is not in the reference"
                    + " data: correct mentor_ref, or add the mentor to mentors.csv and run reference load");
        }
        if (reference.serviceUserId(serviceUser) == null) {
            return shift.rejectedAs(RejectReason.UNKNOWN_SERVICE_USER, "service user " + serviceUser + " is not in"
                    + " the reference data: correct service_user_ref, or add them to service-users.csv and run"
                    + " reference load");
        }
        ReferenceSnapshot.Employed employment = reference.employment(mentor, serviceUser, date);
        if (employment == null) {
            return shift.rejectedAs(RejectReason.NO_EMPLOYMENT, "mentor " + mentor + " was not employed by "
                    + serviceUser + " on " + date + ": check the names and date, or the employment's dates in"
                    + " employments.csv");
        }
        return shift.workedUnder(employment, underFloor(employment, date));
    }

    /** Why the shift's rate is under the floor in force on its date for the mentor's age then, or null if not. */
    private String underFloor(ReferenceSnapshot.Employed employment, LocalDate date) {
        HourlyRate rate = employment.rateOn(date);
        if (rate == null) {
            return null;
        }
        return floors.floorAbove(rate, date, employment.mentorBorn())
                .map(floor -> "rate " + rate.inPounds() + " an hour is below the " + floor.name() + " of "
                        + floor.rate().inPounds() + " on " + date)
                .orElse(null);
    }

    private static boolean repeatsTheHeader(RawTimesheetRow raw) {
        for (int i = 0; i < TimesheetColumns.REQUIRED.size(); i++) {
            if (!raw.cell(i).replace("\uFEFF", "").strip().equalsIgnoreCase(TimesheetColumns.REQUIRED.get(i))) {
                return false;
            }
        }
        return true;
    }

    private StagedTimesheetRow parse(RawTimesheetRow raw) {
        if (raw.malformed() != null) {
            return StagedTimesheetRow.rejected(raw, RejectReason.MALFORMED, raw.malformed());
        }
        for (String cell : raw.cells()) {
            if (cell != null && cell.indexOf(NOT_UTF8) >= 0) {
                return StagedTimesheetRow.rejected(raw, RejectReason.MALFORMED, "the row has bytes that are not UTF-8"
                        + " (shown as \uFFFD) though the rest of the file is: it mixes encodings, perhaps a row pasted"
                        + " from another file; retype the characters and import the row again");
            }
        }
        if (repeatsTheHeader(raw)) {
            return StagedTimesheetRow.rejected(raw, RejectReason.MALFORMED, "the row repeats the header row (two"
                    + " files joined into one?): it is not a shift; the rows after it are read as shifts as usual");
        }
        for (int i = 0; i < TimesheetColumns.REQUIRED.size(); i++) {
            if (raw.cell(i).isEmpty()) {
                return StagedTimesheetRow.rejected(raw, RejectReason.MALFORMED,
                        TimesheetColumns.REQUIRED.get(i) + " is blank; it is required");
            }
        }
        LocalDate date;
        try {
            date = CsvRow.parseDate(raw.cell(2));
        } catch (DateTimeParseException e) {
            return StagedTimesheetRow.rejected(raw, RejectReason.BAD_DATE, "date '" + raw.cell(2)
                    + "' is not a date: write it as yyyy-MM-dd or dd/MM/yyyy");
        }
        int start = minuteOfDay(raw.cell(3));
        int end = minuteOfDay(raw.cell(4));
        if (start < 0 || end < 0) {
            String column = start < 0 ? "start" : "end";
            return StagedTimesheetRow.rejected(raw, RejectReason.BAD_TIME, column + " '" + raw.cell(start < 0 ? 3 : 4)
                    + "' is not a time: write it as HH:mm on a 24-hour clock, for example 09:30 or 17:45");
        }
        int breakMinutes;
        try {
            breakMinutes = raw.cell(5).isEmpty() ? 0 : Integer.parseInt(raw.cell(5));
        } catch (NumberFormatException e) {
            return StagedTimesheetRow.rejected(raw, RejectReason.MALFORMED, "break_minutes '" + raw.cell(5)
                    + "' is not a whole number of minutes");
        }
        int span = Math.floorMod(end - start, MINUTES_PER_DAY);
        LocalDateTime startsAt = date.atStartOfDay().plusMinutes(start);
        LocalDateTime endsAt = startsAt.plusMinutes(span);
        if (clock.touches(date)) {
            for (LocalDateTime time : new LocalDateTime[] {startsAt, endsAt}) {
                if (clock.skipped(time)) {
                    return StagedTimesheetRow.rejected(raw, RejectReason.BAD_TIME, time.toLocalTime() + " on "
                            + time.toLocalDate() + " never happened: the clocks went forward an hour then; write the"
                            + " time as the clock on the wall showed it");
                }
            }
            span = clock.minutesBetween(startsAt, endsAt);
        }
        int minutes = span - breakMinutes;
        if (breakMinutes < 0 || minutes <= 0) {
            return StagedTimesheetRow.rejected(raw, RejectReason.NOT_POSITIVE, breakMinutes < 0
                    ? "break_minutes is negative (" + breakMinutes + ")"
                    : "no time worked: " + raw.cell(3) + " to " + raw.cell(4) + " less a " + breakMinutes
                      + "-minute break is " + minutes + " minutes");
        }
        if (span > maxShiftMinutes) {
            return StagedTimesheetRow.rejected(raw, RejectReason.TOO_LONG, "the shift " + raw.cell(3) + " to "
                    + raw.cell(4) + " lasts " + span / 60 + "h" + "%02d".formatted(span % 60) + ", over the "
                    + maxShiftMinutes / 60 + "-hour limit; check the times (an end before the start means the"
                    + " next day)");
        }
        return new StagedTimesheetRow(raw, date, startsAt, endsAt, breakMinutes, minutes, null, null, null, null);
    }

    /** Minutes since midnight of an H:mm or HH:mm time, or -1 when it is not one. */
    static int minuteOfDay(String text) {
        int colon = text.indexOf(':');
        if (colon < 1 || colon > 2 || text.length() != colon + 3) {
            return -1;
        }
        int hours = digits(text, 0, colon);
        int minutes = digits(text, colon + 1, colon + 3);
        return hours < 0 || hours > 23 || minutes < 0 || minutes > 59 ? -1 : hours * 60 + minutes;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
