package org.peerpay.cli;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param inbox     where the nightly run finds timesheet CSVs
 * @param reference where it finds the reference data files
 */
@ConfigurationProperties("peerpay.nightly")
record NightlyProperties(
        @DefaultValue("sample-data/timesheets") Path inbox,
        @DefaultValue("sample-data/reference") Path reference) {
}
