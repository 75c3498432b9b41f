package org.peerpay.timesheets;

import java.time.ZoneId;
import org.peerpay.csv.CsvLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chunkSize       rows staged per transaction (and per restart point)
 * @param maxShiftMinutes a shift longer than this (before breaks) is rejected as TOO_LONG
 * @param zone            the service's time zone: timesheet times are its wall-clock times, and a shift across a
 *                        clock change is paid the minutes that really passed
 * @param record          how many lines and characters one row may span ({@code record.max-lines},
 *                        {@code record.max-characters}; a quoted cell may hold line breaks): past them the row is
 *                        MALFORMED and reading goes on at the next line
 */
@ConfigurationProperties("peerpay.timesheets")
public record TimesheetProperties(
        @DefaultValue("50000") int chunkSize,
        @DefaultValue("720") int maxShiftMinutes,
        @DefaultValue("Europe/London") ZoneId zone,
        CsvLimits record) {

    public TimesheetProperties {
        record = record == null ? CsvLimits.DEFAULT : record;
    }
}
