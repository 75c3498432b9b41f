package org.peerpay.timesheets;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chunkSize       rows staged per transaction (and per restart point)
 * @param maxShiftMinutes a shift longer than this (before breaks) is rejected as TOO_LONG
 * @param zone            the service's time zone: timesheet times are its wall-clock times, and a shift across a
 *                        clock change is paid the minutes that really passed
 */
@ConfigurationProperties("peerpay.timesheets")
public record TimesheetProperties(
        @DefaultValue("50000") int chunkSize,
        @DefaultValue("720") int maxShiftMinutes,
        @DefaultValue("Europe/London") ZoneId zone) {
}
