package org.peerpay.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.peerpay.statutory.PayFrequency;

class PayCalendarTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            // 4W13 ends Sunday 4 April 2027 and is paid Friday 9 April, in 2027-28; 4W12 (to 7 March) is the last
            "FOUR_WEEKLY, 2026, 2027-03-12",
            // M12 ends 5 April, paid 9 April; M11 ends Friday 5 March, paid the Friday after
            "MONTHLY,     2026, 2027-03-12",
            // W52 ends Sunday 4 April 2027, paid Friday 9 April; W51 ends 28 March, paid Friday 2 April
            "WEEKLY,      2026, 2027-04-02",
            // 2W26 ends 4 April too; 2W25 ends Sunday 21 March, paid Friday 26 March
            "TWO_WEEKLY,  2026, 2027-03-26"})
    void theLastPayDateOfATaxYearIsTheLastPayDayBeforeSixthApril(PayFrequency frequency, int taxYearStart,
                                                                 LocalDate last) {
        assertThat(new PayCalendar(DayOfWeek.FRIDAY).lastPayDate(frequency, taxYearStart)).isEqualTo(last);
    }
}
