package org.peerpay.wagefloor;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.csv.CsvTable;
import org.peerpay.money.HourlyRate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The floors in force. They are configuration: {@link #reload()} replaces the {@code wage_floor} table from the
 * floors file, and the SQL function {@code wage_floor_on(date, age)} answers "which floor applies", for the
 * import's set-based check and for {@link #floorOn(LocalDate, int)} alike, so the rule lives in one place.
 */
@Service
public class WageFloors {

    private final JdbcTemplate jdbc;
    private final WageFloorProperties properties;

    WageFloors(JdbcTemplate jdbc, WageFloorProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Transactional
    public List<WageFloor> reload() {
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
        jdbc.update("delete from wage_floor");
        jdbc.batchUpdate("insert into wage_floor (name, effective_from, hourly_rate, min_age, max_age)"
                        + " values (?, ?, ?, ?, ?)",
                floors.stream().map(f -> new Object[] {f.name(), Date.valueOf(f.effectiveFrom()), f.rate().pounds(),
                        f.minAge(), f.maxAge()}).toList());
        return floors;
    }

    /** The highest floor that applies on a date to a worker of an age, if any does. */
    public Optional<AppliedFloor> floorOn(LocalDate date, int age) {
        return jdbc.query("select name, hourly_rate from wage_floor_on(?, ?)",
                (rs, i) -> new AppliedFloor(rs.getString(1), new HourlyRate(rs.getBigDecimal(2))),
                Date.valueOf(date), age).stream().findFirst();
    }

    public record AppliedFloor(String name, HourlyRate rate) {
    }
}
