package org.peerpay.employment;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import org.peerpay.money.HourlyRate;
import org.peerpay.statutory.HolidayMethod;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.statutory.StarterDeclaration;
import javax.money.MonetaryAmount;

/**
 * One mentor employed by one service user, on these terms.
 *
 * @param end      the last day employed, or null while the employment goes on
 * @param taxCode  the code as recorded, or null when the employment has none
 * @param rates    hourly rates by the date each takes effect
 * @param starter  what the mentor declared on the starter checklist, or null (they gave a P45, or nothing)
 * @param p45      the pay and tax to date on the P45 of an earlier employment in the tax year it started, or null
 */
public record Employment(long id, String ref, long serviceUserId, long mentorId, LocalDate start, LocalDate end,
                         PayFrequency frequency, String taxCode, boolean week1Month1, char niCategory,
                         HolidayMethod holiday, boolean pensionOptedOut, NavigableMap<LocalDate, HourlyRate> rates,
                         StarterDeclaration starter, P45 p45) {

    /** Pay and tax to date from a P45, for the tax year the employment started in. */
    public record P45(MonetaryAmount taxablePay, MonetaryAmount tax) {
    }

    /** True when the mentor was employed on that day. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(start) && (end == null || !date.isAfter(end));
    }

    /** The rate in force on a date, or null before the first takes effect. */
    public HourlyRate rateOn(LocalDate date) {
        Map.Entry<LocalDate, HourlyRate> inForce = rates.floorEntry(date);
        return inForce == null ? null : inForce.getValue();
    }
}
