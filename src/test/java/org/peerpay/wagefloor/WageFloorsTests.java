package org.peerpay.wagefloor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerpay.support.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

class WageFloorsTests extends DatabaseTest {

    @Autowired
    WageFloors floors;

    @BeforeEach
    void givenTheFloorsOfLeeds() {
        floors.reload();
        // and a statutory schedule with age bands, as the minimum wage has
        jdbc.update("delete from wage_floor where name like 'Council%'");
    }

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
        assertThat(floors.floorOn(date, age)).get()
                .satisfies(floor -> assertThat(floor.rate().pounds()).isEqualByComparingTo(rate));
    }

    @Test
    void takesTheHighestFloorThatApplies() {
        floors.reload();

        assertThat(floors.floorOn(LocalDate.of(2026, 11, 2), 40)).get()
                .satisfies(floor -> assertThat(floor.name()).isEqualTo("Council living-wage floor"))
                .satisfies(floor -> assertThat(floor.rate().pounds()).isEqualByComparingTo("14.38"));
    }

    @Test
    void knowsNoFloorBeforeTheFirstTakesEffect() {
        assertThat(floors.floorOn(LocalDate.of(2024, 1, 1), 40)).isEmpty();
    }
}
