package org.peerpay.timesheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimesheetRowParserTest {

    final TimesheetRowParser parser = new TimesheetRowParser(720, LocalDate.of(2026, 11, 23), new ReferenceSnapshot(),
            new org.peerpay.wagefloor.FloorSchedule(java.util.List.of()),
            new ClockChanges(java.time.ZoneId.of("Europe/London"), LocalDate.of(2026, 11, 23)));

    StagedTimesheetRow parse(String date, String start, String end, String breakMinutes) {
        return parser.process(new RawTimesheetRow(2, new String[] {"M1", "SU1", date, start, end, breakMinutes, "",
                ""}, null));
    }

    @ParameterizedTest(name = "{0} {1}-{2} less {3}: {4} minutes")
    @CsvSource({
            "2026-11-02, 09:00, 12:15, 15, 180",
            "02/11/2026, 9:00, 12:15, '', 195",
            "2026-11-02, 21:30, 00:45, 15, 180",
            "2026-11-02, 23:59, 00:00, 0, 1",
            "2026-11-02, 00:00, 12:00, 0, 720",
            // the clocks go back at 02:00 BST on 25 October 2026: 01:00-03:00 by the clock is three hours worked
            "2026-10-25, 01:00, 03:00, 0, 180",
            "2026-10-24, 23:00, 03:00, 0, 300",
            // and forward at 01:00 GMT on 29 March 2026: 00:30-03:00 by the clock is an hour and a half worked
            "2026-03-29, 00:30, 03:00, 0, 90",
            "2026-03-28, 22:00, 03:00, 30, 210",
            "2026-10-26, 01:00, 03:00, 0, 120"})
    void worksOutMinutesWorked(String date, String start, String end, String breakMinutes, int minutes) {
        StagedTimesheetRow row = parse(date, start, end, breakMinutes);

        assertThat(row.minutes()).isEqualTo(minutes);
        assertThat(row.workDate()).isEqualTo(date.contains("/") ? LocalDate.of(2026, 11, 2) : LocalDate.parse(date));
    }

    @Test
    void placesAnOvernightShiftsEndOnTheNextDay() {
        StagedTimesheetRow row = parse("2026-11-02", "22:00", "01:30", "0");

        assertThat(row.startsAt()).isEqualTo(LocalDateTime.of(2026, 11, 2, 22, 0));
        assertThat(row.endsAt()).isEqualTo(LocalDateTime.of(2026, 11, 3, 1, 30));
    }

    @ParameterizedTest(name = "{0} {1}-{2} less {3}: {4}")
    @CsvSource({
            "2026-02-29, 09:00, 10:00, 0, BAD_DATE",
            "2026/11/02, 09:00, 10:00, 0, BAD_DATE",
            "02-11-2026, 09:00, 10:00, 0, BAD_DATE",
            "2026-11-02, 24:00, 10:00, 0, BAD_TIME",
            "2026-11-02, 09:60, 10:00, 0, BAD_TIME",
            "2026-11-02, 09:00, 10am, 0, BAD_TIME",
            "2026-11-02, 0900, 10:00, 0, BAD_TIME",
            "2026-11-02, 09:00, 09:00, 0, NOT_POSITIVE",
            "2026-11-02, 09:00, 10:00, 60, NOT_POSITIVE",
            "2026-11-02, 09:00, 10:00, -5, NOT_POSITIVE",
            "2026-11-02, 09:00, 10:00, half, MALFORMED",
            "2026-11-02, 08:00, 20:01, 60, TOO_LONG",
            "2026-11-24, 09:00, 10:00, 0, FUTURE_DATE",
            "2026-11-02, 09:00, 10:00, 0, UNKNOWN_MENTOR"})
    void givesTheReasonARowCannotBeAccepted(String date, String start, String end, String breakMinutes,
                                            RejectReason reason) {
        StagedTimesheetRow row = parse(date, start, end, breakMinutes);

        assertThat(row.reason()).isEqualTo(reason);
        assertThat(row.detail()).isNotBlank();
    }

    @Test
    void rejectsARowWithABlankRequiredCellAsMalformedNamingTheColumn() {
        StagedTimesheetRow row = parser.process(new RawTimesheetRow(7, new String[] {"M1", "SU1", "2026-11-02", "",
                "10:00", "", "", ""}, null));

        assertThat(row.reason()).isEqualTo(RejectReason.MALFORMED);
        assertThat(row.detail()).isEqualTo("start is blank; it is required");
    }

    @ParameterizedTest(name = "{0} {1}-{2} is refused: {3}")
    @CsvSource({
            "2026-03-29, 01:30, 03:00, 01:30 on 2026-03-29 never happened",
            "2026-03-28, 23:00, 01:15, 01:15 on 2026-03-29 never happened"})
    void refusesATimeTheClockSkipped(String date, String start, String end, String says) {
        StagedTimesheetRow row = parse(date, start, end, "0");

        assertThat(row.reason()).isEqualTo(RejectReason.BAD_TIME);
        assertThat(row.detail()).startsWith(says).contains("the clocks went forward");
    }
}
