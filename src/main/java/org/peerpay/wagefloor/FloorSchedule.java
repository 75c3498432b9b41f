package org.peerpay.wagefloor;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.peerpay.money.HourlyRate;

/**
 * The floors of the floors file, and the rule for which applies. Rows with the same name form one schedule: on a
 * date, a schedule's rows are those of its latest {@code effectiveFrom} on or before that date (one per age
 * band). The floor of a shift is the highest rate among the schedules' rows whose band holds the worker's age.
 */
public final class FloorSchedule {

    /** By schedule name, then effective date: the rows that take effect then. */
    private final Map<String, TreeMap<LocalDate, List<WageFloor>>> schedules;
    private final HourlyRate highest;

    private final List<WageFloor> floors;

    public FloorSchedule(List<WageFloor> floors) {
        this.floors = List.copyOf(floors);
        this.schedules = floors.stream().collect(Collectors.groupingBy(WageFloor::name,
                Collectors.groupingBy(WageFloor::effectiveFrom, TreeMap::new, Collectors.toList())));
        this.highest = floors.stream().map(WageFloor::rate).max(Comparator.naturalOrder()).orElse(null);
    }

    /** Every row of every schedule, as given. */
    public List<WageFloor> floors() {
        return floors;
    }

    /**
     * The floor check, the one there is: the floor that a rate is under on a date, for a worker born on a day, if
     * it is under one. The import flags such shifts; the pay run uplifts or holds them under its policy.
     */
    public Optional<AppliedFloor> floorAbove(HourlyRate rate, LocalDate date, LocalDate born) {
        if (!couldBeUnder(rate)) {
            return Optional.empty();
        }
        return floorOn(date, Period.between(born, date).getYears()).filter(floor -> rate.isBelow(floor.rate()));
    }

    /** The highest floor that applies on a date to a worker of an age, if any does. */
    public Optional<AppliedFloor> floorOn(LocalDate date, int age) {
        AppliedFloor best = null;
        for (TreeMap<LocalDate, List<WageFloor>> schedule : schedules.values()) {
            Map.Entry<LocalDate, List<WageFloor>> inForce = schedule.floorEntry(date);
            if (inForce == null) {
                continue;
            }
            for (WageFloor floor : inForce.getValue()) {
                boolean holdsAge = (floor.minAge() == null || age >= floor.minAge())
                        && (floor.maxAge() == null || age <= floor.maxAge());
                if (holdsAge && (best == null || best.rate().isBelow(floor.rate()))) {
                    best = new AppliedFloor(floor.name(), floor.rate());
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The rate of one schedule (by name) in force on a date for a worker of an age, if it has one. */
    public Optional<HourlyRate> rateOf(String schedule, LocalDate date, int age) {
        TreeMap<LocalDate, List<WageFloor>> rows = schedules.get(schedule);
        Map.Entry<LocalDate, List<WageFloor>> inForce = rows == null ? null : rows.floorEntry(date);
        if (inForce == null) {
            return Optional.empty();
        }
        return inForce.getValue().stream()
                .filter(floor -> (floor.minAge() == null || age >= floor.minAge())
                        && (floor.maxAge() == null || age <= floor.maxAge()))
                .map(WageFloor::rate).max(Comparator.naturalOrder());
    }

    /** Whether a rate could be under some floor at all: when not, no date or age needs looking at. */
    public boolean couldBeUnder(HourlyRate rate) {
        return highest != null && rate.isBelow(highest);
    }

    /** A floor in force: its schedule's name and its rate. */
    public record AppliedFloor(String name, HourlyRate rate) {
    }
}
