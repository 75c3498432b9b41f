package org.peerpay.timesheets;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param chunkSize       rows staged per transaction (and per restart point)
 * @param maxShiftMinutes a shift longer than this (before breaks) is rejected as TOO_LONG
 */
@ConfigurationProperties("peerpay.timesheets")
public record TimesheetProperties(
        @DefaultValue("50000") int chunkSize,
        @DefaultValue("720") int maxShiftMinutes) {
}
