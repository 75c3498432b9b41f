package org.peerpay.filing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The EXSLT date functions HMRC's rules need, as the EXSLT definitions give them. */
class RtiDatesTest {

    @Test
    void secondsCountFromTheEpochToTheStartOfTheDay() {
        assertThat(RtiDates.seconds("1970-01-02")).isEqualTo("86400");
        assertThat(RtiDates.seconds(" 2026-04-06Z ")).isEqualTo("1775433600");
        assertThat(RtiDates.seconds("2026-04-06+01:00")).isEqualTo("1775430000");
        assertThat(RtiDates.seconds("2026-04-06T12:00:00")).isEqualTo("1775476800");
        assertThat(RtiDates.seconds("the sixth of April")).isEqualTo("NaN");
    }

    @Test
    void addMovesADateByYearsMonthsOrDaysKeepingItsZone() {
        assertThat(RtiDates.add("2026-12-02Z", "P30D")).isEqualTo("2027-01-01Z");
        assertThat(RtiDates.add("2026-12-02", "-P130Y")).isEqualTo("1896-12-02");
        assertThat(RtiDates.add("2024-02-29", "P1Y")).isEqualTo("2025-02-28");
        assertThat(RtiDates.add("not a date", "P1D")).isEmpty();
    }

    @Test
    void todayIsADateInUtc() {
        assertThat(RtiDates.date()).matches("\\d{4}-\\d{2}-\\d{2}Z");
    }
}
