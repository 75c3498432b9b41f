package org.peerpay.wagefloor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.money.HourlyRate;
import org.peerpay.support.SmallCouncil;

class WageFloorsTest {

    static final FloorSchedule CONFIGURED = new WageFloors(new WageFloorProperties(
            Path.of("batch-config/wage-floors.csv"), WageFloorProperties.Policy.UPLIFT)).current();

    /** The statutory minimum wage alone, with its age bands, as batch-config has it. */
    static final FloorSchedule STATUTORY = new FloorSchedule(List.of(
            floor("2025-04-01", "12.21", 21, null), floor("2025-04-01", "10.00", 18, 20),
            floor("2025-04-01", "7.55", null, 17), floor("2026-04-01", "12.71", 21, null),
            floor("2026-04-01", "10.85", 18, 20), floor("2026-04-01", "8.00", null, 17)));

    static WageFloor floor(String from, String rate, Integer minAge, Integer maxAge) {
        return new WageFloor("National Minimum Wage", LocalDate.parse(from), HourlyRate.of(rate), minAge, maxAge);
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{1}-year-old on {0}: £{2}")
    @CsvSource({
            "2025-04-01, 30, 12.21",
            "2026-03-31, 21, 12.21",
            "2026-04-01, 21, 12.71",
            "2026-04-01, 20, 10.85",
            "2026-04-01, 18, 10.85",
            "2026-04-01, 17, 8.00",
            "2025-10-01, 19, 10.00",
            "2025-10-01, 16, 7.55"})
    void findsTheStatutoryBandInForceOnTheDateForTheAge(LocalDate date, int age, String rate) {
        assertThat(STATUTORY.floorOn(date, age)).get()
                .satisfies(floor -> assertThat(floor.rate()).isEqualTo(HourlyRate.of(rate)));
    }

    @Test
    void takesTheHighestFloorThatApplies() {
        assertThat(CONFIGURED.floorOn(LocalDate.of(2026, 11, 2), 40)).get()
                .satisfies(floor -> assertThat(floor.name()).isEqualTo("Council living-wage floor"))
                .satisfies(floor -> assertThat(floor.rate()).isEqualTo(HourlyRate.of("14.38")));
    }

    @Test
    void knowsNoFloorBeforeTheFirstTakesEffect() {
        assertThat(CONFIGURED.floorOn(LocalDate.of(2024, 1, 1), 40)).isEmpty();
    }

    @Test
    void aLaterRowOfASchedulesReplacesItsEarlierOnesEvenWhenLower() {
        FloorSchedule cut = new FloorSchedule(List.of(
                new WageFloor("Council floor", LocalDate.of(2025, 4, 1), HourlyRate.of("14.38"), null, null),
                new WageFloor("Council floor", LocalDate.of(2026, 4, 1), HourlyRate.of("13.00"), null, null)));

        assertThat(cut.floorOn(LocalDate.of(2026, 5, 1), 30).orElseThrow().rate()).isEqualTo(HourlyRate.of("13.00"));
        assertThat(cut.couldBeUnder(HourlyRate.of("14.37"))).isTrue();
        assertThat(cut.couldBeUnder(HourlyRate.of("14.38"))).isFalse();
    }

    @Test
    void refusesAFloorsFileWithABadRow() {
        Path file = SmallCouncil.write(dir.resolve("floors.csv"), """
                name,effective_from,hourly_rate,min_age,max_age
                Council floor,2026-04-01,fourteen,,
                """);
        WageFloors floors = new WageFloors(new WageFloorProperties(file, WageFloorProperties.Policy.HOLD));

        assertThatThrownBy(floors::reload).isInstanceOf(CsvFileRefusedException.class)
                .hasMessageContaining("floors.csv row 2, column hourly_rate: is not an hourly rate");
    }
}
