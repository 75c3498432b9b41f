package org.peerpay.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerpay.statutory.PayFrequency;

class PayPeriodTest {

    @ParameterizedTest(name = "{0}: {1} to {2}")
    @CsvSource({
            "2026-27/4W08, 2026-10-19, 2026-11-15",
            "2026-27/4W01, 2026-04-06, 2026-05-03",
            "2026-27/4W13, 2027-03-08, 2027-04-04",
            "2026-27/4W14, 2027-04-05, 2027-04-05",  // the day left over
            "2026-27/M07,  2026-10-06, 2026-11-05",
            "2026-27/M12,  2027-03-06, 2027-04-05",
            "2026-27/W32,  2026-11-09, 2026-11-15",
            "2026-27/W53,  2027-04-05, 2027-04-05",
            "2027-28/W53,  2028-04-04, 2028-04-05",  // 2028 is a leap year: two days
            "2026-27/2W16, 2026-11-02, 2026-11-15"})
    void followsTheTaxYearFromTheSixthOfApril(String id, LocalDate start, LocalDate end) {
        PayPeriod period = PayPeriod.parse(id);

        assertThat(period.start()).isEqualTo(start);
        assertThat(period.end()).isEqualTo(end);
        assertThat(period.id()).isEqualTo(id);
        assertThat(PayPeriod.containing(period.frequency(), start)).isEqualTo(period);
        assertThat(PayPeriod.containing(period.frequency(), end)).isEqualTo(period);
    }

    @Test
    void paysOnTheFridayAfterThePeriodAndTaxesByThePayDate() {
        PayCalendar payroll = new PayCalendar(DayOfWeek.FRIDAY);
        PayPeriod period = PayPeriod.parse("2026-27/4W08");

        LocalDate payDate = payroll.payDate(period);

        assertThat(payDate).isEqualTo(LocalDate.of(2026, 11, 20));
        // tax week 33 of 2026/27: four-weekly tax period 9, not 8
        assertThat(PayPeriod.containing(PayFrequency.FOUR_WEEKLY, payDate).id()).isEqualTo("2026-27/4W09");
        // the last period of the year is paid, and taxed, in the next tax year
        PayPeriod last = PayPeriod.parse("2026-27/4W13");
        assertThat(PayPeriod.containing(PayFrequency.FOUR_WEEKLY, payroll.payDate(last)).id())
                .isEqualTo("2027-28/4W01");
    }

    @Test
    void stepsToTheNextAndPreviousPeriodAcrossTaxYears() {
        assertThat(PayPeriod.parse("2026-27/4W14").next().id()).isEqualTo("2027-28/4W01");
        assertThat(PayPeriod.parse("2027-28/4W01").previous().id()).isEqualTo("2026-27/4W14");
        assertThat(PayPeriod.parse("2026-27/M12").next().id()).isEqualTo("2027-28/M01");
        assertThat(PayPeriod.parse("2026-27/4W08").weeks()).isEqualByComparingTo("4");
    }

    @Test
    void refusesIdsThatAreNotPeriods() {
        assertThatThrownBy(() -> PayPeriod.parse("2026-28/4W08")).hasMessageContaining("is not a pay period");
        assertThatThrownBy(() -> PayPeriod.parse("2026-27/4W15")).hasMessageContaining("numbered 1 to 14");
        assertThatThrownBy(() -> PayPeriod.parse("2026-27/M13")).hasMessageContaining("numbered 1 to 12");
        assertThatThrownBy(() -> PayPeriod.parse("4W08")).hasMessageContaining("write it like 2026-27/4W08");
    }
}
