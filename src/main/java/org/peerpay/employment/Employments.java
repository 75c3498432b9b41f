package org.peerpay.employment;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.peerpay.money.HourlyRate;
import org.peerpay.statutory.HolidayMethod;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.system.Upserts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The employments and their rates: saved from reference data, read by the import and the pay run. */
@Service
public class Employments {

    private final JdbcTemplate jdbc;

    Employments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An employment as reference data gives it (its first rate takes effect on its start date). */
    public record EmploymentDetails(String ref, long serviceUserId, long mentorId, LocalDate start, LocalDate end,
                                    HourlyRate rate, String frequency, String taxCode, boolean week1Month1,
                                    String niCategory, String holidayPay, String pension) {
    }

    /** An hourly rate taking effect on a date. */
    public record RateDetails(String employmentRef, LocalDate effectiveFrom, HourlyRate rate) {
    }

    public Map<String, Long> ids() {
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("select ref, id from employment", rs -> {
            ids.put(rs.getString(1), rs.getLong(2));
        });
        return ids;
    }

    /** Every employment by id, in ref order. */
    public Map<Long, Employment> all() {
        return read(null);
    }

    /** The employments paid at a frequency, by id. */
    public Map<Long, Employment> paid(PayFrequency frequency) {
        return read(frequency);
    }

    private Map<Long, Employment> read(PayFrequency frequency) {
        String only = frequency == null ? "" : " where e.pay_frequency = '" + frequency.word() + "'";
        Map<Long, TreeMap<LocalDate, HourlyRate>> rates = new HashMap<>();
        jdbc.query("select r.employment_id, r.effective_from, r.hourly_rate from employment_rate r"
                + " join employment e on e.id = r.employment_id" + only, rs -> {
            rates.computeIfAbsent(rs.getLong(1), id -> new TreeMap<>())
                    .put(rs.getObject(2, LocalDate.class), new HourlyRate(rs.getBigDecimal(3)));
        });
        Map<Long, Employment> employments = new LinkedHashMap<>();
        jdbc.query("""
                select e.id, e.ref, e.service_user_id, e.mentor_id, e.start_date, e.end_date, e.pay_frequency,
                       e.tax_code, e.week1_month1, e.ni_category, e.holiday_pay, e.pension
                from employment e""" + only + " order by e.ref", rs -> {
            long id = rs.getLong(1);
            String taxCode = rs.getString(8);
            employments.put(id, new Employment(id, rs.getString(2), rs.getLong(3), rs.getLong(4),
                    rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                    PayFrequency.of(rs.getString(7)), taxCode == null || taxCode.isBlank() ? null : taxCode,
                    rs.getBoolean(9), rs.getString(10).charAt(0), HolidayMethod.of(rs.getString(11)),
                    "opted-out".equals(rs.getString(12)), rates.getOrDefault(id, new TreeMap<>())));
        });
        return employments;
    }

    /** Upserts employments by ref, with the rate each starts on; in the caller's transaction. */
    public Upserts.Counted saveEmployments(List<EmploymentDetails> employments) {
        Upserts.Counted saved = Upserts.upsert(jdbc, employments, "select ref from employment",
                EmploymentDetails::ref, """
                insert into employment (ref, service_user_id, mentor_id, start_date, end_date, pay_frequency,
                    tax_code, week1_month1, ni_category, holiday_pay, pension)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (ref) do update set service_user_id = excluded.service_user_id,
                    mentor_id = excluded.mentor_id, start_date = excluded.start_date, end_date = excluded.end_date,
                    pay_frequency = excluded.pay_frequency, tax_code = excluded.tax_code,
                    week1_month1 = excluded.week1_month1, ni_category = excluded.ni_category,
                    holiday_pay = excluded.holiday_pay, pension = excluded.pension
                where (employment.service_user_id, employment.mentor_id, employment.start_date,
                       employment.end_date, employment.pay_frequency, employment.tax_code,
                       employment.week1_month1, employment.ni_category, employment.holiday_pay,
                       employment.pension)
                    is distinct from (excluded.service_user_id, excluded.mentor_id, excluded.start_date,
                       excluded.end_date, excluded.pay_frequency, excluded.tax_code, excluded.week1_month1,
                       excluded.ni_category, excluded.holiday_pay, excluded.pension)
                """, r -> new Object[] {r.ref(), r.serviceUserId(), r.mentorId(), Date.valueOf(r.start()),
                        r.end() == null ? null : Date.valueOf(r.end()), r.frequency(), r.taxCode(),
                        r.week1Month1(), r.niCategory(), r.holidayPay(), r.pension()});
        Upserts.Counted rates = saveRates(employments.stream()
                .map(r -> new RateDetails(r.ref(), r.start(), r.rate())).toList());
        return new Upserts.Counted(saved.added(),
                Math.min(employments.size() - saved.added(), saved.changed() + rates.added() + rates.changed()));
    }

    /** Upserts rates by employment and date, in the caller's transaction. */
    public Upserts.Counted saveRates(List<RateDetails> rates) {
        return Upserts.upsert(jdbc, rates, """
                select e.ref || ' from ' || r.effective_from from employment_rate r
                join employment e on e.id = r.employment_id""", r -> r.employmentRef() + " from " + r.effectiveFrom(),
                """
                insert into employment_rate (employment_id, effective_from, hourly_rate)
                select id, ?, ? from employment where ref = ?
                on conflict (employment_id, effective_from) do update set hourly_rate = excluded.hourly_rate
                where employment_rate.hourly_rate <> excluded.hourly_rate
                """, r -> new Object[] {Date.valueOf(r.effectiveFrom()), r.rate().pounds(), r.employmentRef()});
    }
}
