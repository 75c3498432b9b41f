package org.peerpay.operations;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param inbox     where the nightly run finds timesheet CSVs
 * @param reference where it finds the reference data files
 * @param moveFiles whether it moves each inbox file once read: imported ones to {@code processed/}, refused ones to
 *                  {@code failed/} with a {@code .reason.txt} beside them, both under the inbox and a folder of the
 *                  run's date (off for the sample inbox, which stays as it is)
 * @param schedule  when {@code serve} runs it, a Spring cron expression (second minute hour day month weekday)
 * @param zone      the zone of the schedule: Europe/London, so 02:00 stays 02:00 across the clock changes
 * @param catchUp   whether {@code serve} runs, once at start, a slot missed while it was down
 */
@ConfigurationProperties("peerpay.nightly")
public record NightlyProperties(
        @DefaultValue("sample-data/timesheets") Path inbox,
        @DefaultValue("sample-data/reference") Path reference,
        @DefaultValue("false") boolean moveFiles,
        @DefaultValue("0 0 2 * * *") String schedule,
        @DefaultValue("Europe/London") ZoneId zone,
        @DefaultValue("true") boolean catchUp) {
}
