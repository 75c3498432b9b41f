package org.peerpay.timesheets;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import org.peerpay.csv.CsvRow;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Reads one row's cells into a shift, or the reason it cannot be one. No side effects. Dates are yyyy-MM-dd or
 * dd/MM/yyyy; times are H:mm or HH:mm on a 24-hour clock; an end before the start is the next day.
 */
class TimesheetRowParser implements ItemProcessor<RawTimesheetRow, StagedTimesheetRow> {

    private static final int MINUTES_PER_DAY = 24 * 60;

    private final int maxShiftMinutes;

    TimesheetRowParser(int maxShiftMinutes) {
        this.maxShiftMinutes = maxShiftMinutes;
    }

    @Override
    public StagedTimesheetRow process(RawTimesheetRow raw) {
        if (raw.malformed() != null) {
            return StagedTimesheetRow.rejected(raw, RejectReason.MALFORMED, raw.malformed());
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
        LocalDateTime startsAt = date.atStartOfDay().plusMinutes(start);
        return new StagedTimesheetRow(raw, date, startsAt, startsAt.plusMinutes(span), breakMinutes, minutes,
                null, null);
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
