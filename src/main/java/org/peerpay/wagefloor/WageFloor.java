package org.peerpay.wagefloor;

import java.time.LocalDate;
import org.peerpay.money.HourlyRate;

/**
 * One row of the floors file. Rows with the same name form one schedule: on a date, a schedule's rows are those
 * with its latest {@code effectiveFrom} on or before that date (one per age band); blank ages mean any age.
 */
public record WageFloor(String name, LocalDate effectiveFrom, HourlyRate rate, Integer minAge, Integer maxAge) {
}
