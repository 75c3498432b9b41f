package org.peerpay.wagefloor;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.csv.CsvTable;
import org.peerpay.money.HourlyRate;
import org.springframework.stereotype.Service;

/**
 * The floors in force, read from the floors file ({@code peerpay.wage-floor.file}) when first needed and again
 * on {@link #reload()}.
 */
@Service
public class WageFloors {

    private final WageFloorProperties properties;
    private volatile FloorSchedule schedule;
    private volatile int rows;

    WageFloors(WageFloorProperties properties) {
        this.properties = properties;
    }

    /** Reads the floors file again; returns how many floors it holds. */
    public int reload() {
        if (!properties.file().toFile().isFile()) {
            throw new CsvFileRefusedException("The wage floors file " + properties.file().toAbsolutePath()
                    + " does not exist. Set peerpay.wage-floor.file (env PEERPAY_WAGE_FLOORS) to the floors CSV.");
        }
        List<WageFloor> floors = CsvTable.read(properties.file(), List.of("name", "effective_from", "hourly_rate"),
                Set.of("name", "effective_from", "hourly_rate", "min_age", "max_age"), row -> {
                    BigDecimal rate = row.hourlyRate("hourly_rate");
                    Integer minAge = row.optionalWholeNumber("min_age", 0, 120);
                    Integer maxAge = row.optionalWholeNumber("max_age", 0, 120);
                    if (minAge != null && maxAge != null && maxAge < minAge) {
                        row.problem("max_age", "is below min_age");
                    }
                    return new WageFloor(row.text("name"), row.date("effective_from"),
                            rate == null ? null : new HourlyRate(rate), minAge, maxAge);
                });
        if (floors.isEmpty()) {
            throw new CsvFileRefusedException(properties.file() + " holds no floors: at least one row is needed.");
        }
        schedule = new FloorSchedule(floors);
        rows = floors.size();
        return rows;
    }

    public FloorSchedule current() {
        if (schedule == null) {
            reload();
        }
        return schedule;
    }
}
