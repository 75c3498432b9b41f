package org.peerpay.timesheets;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashSet;
import java.util.Set;

/**
 * The service's clock changes. Times in a timesheet are wall-clock times in the service's zone; a shift across a
 * change lasts more or less than its clock times say (01:00 to 03:00 on the night the clocks go back is three hours
 * worked). Only shifts that touch a change day pay for the zone arithmetic.
 */
final class ClockChanges {

    private final ZoneId zone;
    private final ZoneRules rules;
    private final Set<LocalDate> changeDays = new HashSet<>();

    ClockChanges(ZoneId zone, LocalDate around) {
        this.zone = zone;
        this.rules = zone.getRules();
        LocalDateTime from = around.minusYears(20).atStartOfDay();
        LocalDateTime to = around.plusYears(5).atStartOfDay();
        ZoneOffsetTransition next = rules.nextTransition(from.atZone(zone).toInstant());
        while (next != null && next.getDateTimeBefore().isBefore(to)) {
            changeDays.add(next.getDateTimeBefore().toLocalDate());
            next = rules.nextTransition(next.getInstant());
        }
    }

    /** The days the clocks change, and the days before them (a shift overnight may cross a change). */
    LocalDate[] daysTouched() {
        Set<LocalDate> days = new HashSet<>(changeDays);
        changeDays.forEach(day -> days.add(day.minusDays(1)));
        return days.toArray(LocalDate[]::new);
    }

    /** True when a shift from this day (to the next, overnight) may span a clock change. */
    boolean touches(LocalDate day) {
        return !changeDays.isEmpty() && (changeDays.contains(day) || changeDays.contains(day.plusDays(1)));
    }

    /** True when the wall-clock time never happens (the hour skipped when the clocks go forward). */
    boolean skipped(LocalDateTime time) {
        return rules.getValidOffsets(time).isEmpty();
    }

    /** True when the wall-clock time happens twice (the hour repeated when the clocks go back). */
    boolean repeated(LocalDateTime time) {
        return rules.getValidOffsets(time).size() > 1;
    }

    /** Minutes that really pass between two wall-clock times; a repeated time is taken as its first occurrence. */
    int minutesBetween(LocalDateTime start, LocalDateTime end) {
        return (int) Duration.between(ZonedDateTime.ofLocal(start, zone, null), ZonedDateTime.ofLocal(end, zone, null))
                .toMinutes();
    }
}
