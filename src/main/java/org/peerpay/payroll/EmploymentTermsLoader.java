package org.peerpay.payroll;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.peerpay.money.HourlyRate;
import org.peerpay.statutory.HolidayMethod;
import org.peerpay.statutory.PayFrequency;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the terms of every employment paid at a frequency, with their effective-dated rates, in two queries. */
final class EmploymentTermsLoader {

    private EmploymentTermsLoader() {
    }

    static Map<Long, EmploymentTerms> load(JdbcTemplate jdbc, PayFrequency frequency) {
        Map<Long, TreeMap<LocalDate, HourlyRate>> rates = new HashMap<>();
        jdbc.query("""
                select r.employment_id, r.effective_from, r.hourly_rate
                from employment_rate r join employment e on e.id = r.employment_id
                where e.pay_frequency = ?""", rs -> {
            rates.computeIfAbsent(rs.getLong(1), id -> new TreeMap<>())
                    .put(rs.getObject(2, LocalDate.class), new HourlyRate(rs.getBigDecimal(3)));
        }, frequency.word());
        Map<Long, EmploymentTerms> terms = new HashMap<>();
        jdbc.query("""
                select e.id, e.ref, s.id, s.ref, s.name, s.employment_allowance, m.id, m.ref, m.name, m.date_of_birth,
                       e.tax_code, e.week1_month1, e.ni_category, e.holiday_pay, e.pension
                from employment e
                join service_user s on s.id = e.service_user_id
                join mentor m on m.id = e.mentor_id
                where e.pay_frequency = ?""", rs -> {
            long id = rs.getLong(1);
            String taxCode = rs.getString(11);
            terms.put(id, new EmploymentTerms(id, rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                    rs.getBoolean(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                    rs.getObject(10, LocalDate.class), taxCode == null || taxCode.isBlank() ? null : taxCode,
                    rs.getBoolean(12), rs.getString(13).charAt(0), HolidayMethod.of(rs.getString(14)),
                    "opted-out".equals(rs.getString(15)), rates.getOrDefault(id, new TreeMap<>())));
        }, frequency.word());
        return terms;
    }
}
