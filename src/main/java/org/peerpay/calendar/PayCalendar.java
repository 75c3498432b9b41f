package org.peerpay.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.peerpay.statutory.PayFrequency;
import java.time.temporal.TemporalAdjusters;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the periods are paid.
 *
 * @param payDay the pay date of a period is the first such day after the period ends
 */
@ConfigurationProperties("peerpay.calendar")
public record PayCalendar(@DefaultValue("friday") DayOfWeek payDay) {

    /** The pay date of a period: the first {@link #payDay} after it ends. Its tax year and period are PAYE's. */
    public LocalDate payDate(PayPeriod period) {
        return period.end().with(TemporalAdjusters.next(payDay));
    }

    /** The tax period of a period's pay: the period of the same frequency that holds its pay date. */
    public PayPeriod taxPeriod(PayPeriod period) {
        return PayPeriod.containing(period.frequency(), payDate(period));
    }

    /** The last pay date of a frequency's periods that falls in the tax year starting on 6 April of the year given. */
    public LocalDate lastPayDate(PayFrequency frequency, int taxYearStart) {
        LocalDate yearEnd = LocalDate.of(taxYearStart + 1, 4, 5);
        PayPeriod period = PayPeriod.containing(frequency, yearEnd);
        while (payDate(period).isAfter(yearEnd)) {
            period = period.previous();
        }
        return payDate(period);
    }
}
