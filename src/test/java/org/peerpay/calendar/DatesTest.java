package org.peerpay.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatesTest {

    @Test
    void writesDatesInFullForSentencesAndWithThreeLetterMonthsForTables() {
        assertThat(Dates.forPeople(LocalDate.of(2026, 11, 20))).isEqualTo("20 November 2026");
        assertThat(Dates.shortForm(LocalDate.of(2026, 11, 20))).isEqualTo("20 Nov 2026");
        assertThat(Dates.shortForm(LocalDate.of(2026, 9, 6))).isEqualTo("6 Sep 2026");
        assertThat(Dates.shortForm(LocalDate.of(2027, 6, 1))).isEqualTo("1 Jun 2027");
    }
}
