package org.peerpay.payroll;

import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import org.peerpay.money.HourlyRate;
import org.peerpay.statutory.HolidayMethod;

/**
 * What the pay run needs of one employment: who employs whom, on what terms.
 *
 * @param taxCode the code as recorded, or null when the employment has none
 * @param rates hourly rates by the date they take effect
 */
record EmploymentTerms(long id, String ref, long serviceUserId, String serviceUserRef, String serviceUserName,
        boolean employmentAllowance, long mentorId, String mentorRef, String mentorName, LocalDate mentorBorn,
        String taxCode, boolean week1Month1, char niCategory, HolidayMethod holiday, boolean pensionOptedOut,
        NavigableMap<LocalDate, HourlyRate> rates) {

    /** The rate in force on a date, or null before the first. */
    HourlyRate rateOn(LocalDate date) {
        Map.Entry<LocalDate, HourlyRate> entry = rates.floorEntry(date);
        return entry == null ? null : entry.getValue();
    }
}
