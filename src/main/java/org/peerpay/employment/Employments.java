package org.peerpay.employment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.peerpay.money.HourlyRate;
import org.peerpay.statutory.HolidayMethod;
import org.peerpay.money.Gbp;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.statutory.StarterDeclaration;
import org.peerpay.system.Saved;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The employments and their rates: saved from reference data through their entities, read by the import and the
 * pay run as plain records (a bulk read, in SQL).
 */
@Service
public class Employments {

    private final JdbcTemplate jdbc;
    private final EmploymentRepository repository;

    Employments(JdbcTemplate jdbc, EmploymentRepository repository) {
        this.jdbc = jdbc;
        this.repository = repository;
    }

    /** An employment as reference data gives it (its first rate takes effect on its start date). */
    public record EmploymentDetails(String ref, long serviceUserId, long mentorId, LocalDate start, LocalDate end,
                                    HourlyRate rate, String frequency, String taxCode, boolean week1Month1,
                                    String niCategory, String holidayPay, String pension,
                                    StarterDeclaration starter, Employment.P45 p45) {
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

    /** The employments paid at a frequency by the service users with ids from one to another (inclusive), by id. */
    public Map<Long, Employment> paid(PayFrequency frequency, long firstServiceUser, long lastServiceUser) {
        return read(frequency, " and e.service_user_id between " + firstServiceUser + " and " + lastServiceUser);
    }

    private Map<Long, Employment> read(PayFrequency frequency) {
        return read(frequency, "");
    }

    /** @param andAlso more conditions on {@code e}, SQL of numbers only (never text from outside) */
    private Map<Long, Employment> read(PayFrequency frequency, String andAlso) {
        String only = frequency == null ? "" : " where e.pay_frequency = '" + frequency.word() + "'" + andAlso;
        Map<Long, TreeMap<LocalDate, HourlyRate>> rates = new HashMap<>();
        jdbc.query("select r.employment_id, r.effective_from, r.hourly_rate from employment_rate r"
                + " join employment e on e.id = r.employment_id" + only, rs -> {
            rates.computeIfAbsent(rs.getLong(1), id -> new TreeMap<>())
                    .put(rs.getObject(2, LocalDate.class), new HourlyRate(rs.getBigDecimal(3)));
        });
        Map<Long, Employment> employments = new LinkedHashMap<>();
        jdbc.query("""
                select e.id, e.ref, e.service_user_id, e.mentor_id, e.start_date, e.end_date, e.pay_frequency,
                       e.tax_code, e.week1_month1, e.ni_category, e.holiday_pay, e.pension, e.starter_declaration,
                       e.p45_pay_to_date, e.p45_tax_to_date
                from employment e""" + only + " order by e.ref", rs -> {
            long id = rs.getLong(1);
            String taxCode = rs.getString(8);
            String starter = rs.getString(13);
            BigDecimal p45Pay = rs.getBigDecimal(14);
            employments.put(id, new Employment(id, rs.getString(2), rs.getLong(3), rs.getLong(4),
                    rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class),
                    PayFrequency.of(rs.getString(7)), taxCode == null || taxCode.isBlank() ? null : taxCode,
                    rs.getBoolean(9), rs.getString(10).charAt(0), HolidayMethod.of(rs.getString(11)),
                    "opted-out".equals(rs.getString(12)), rates.getOrDefault(id, new TreeMap<>()),
                    starter == null ? null : StarterDeclaration.valueOf(starter),
                    p45Pay == null ? null : new Employment.P45(Gbp.of(p45Pay), Gbp.of(rs.getBigDecimal(15)))));
        });
        return employments;
    }

    /**
     * Saves employments by ref, each with the rate it starts on, in the caller's transaction (written through, so
     * the transaction's reads see them); an employment counts as changed when its terms or its starting rate did.
     */
    @Transactional
    public Saved saveEmployments(List<EmploymentDetails> employments) {
        Saved saved = Saved.byKey(employments, EmploymentDetails::ref, repository.findAllWithRates(),
                EmploymentEntity::ref, EmploymentEntity::new, EmploymentEntity::update, repository::saveAll);
        repository.flush();
        return saved;
    }

    /** Saves effective-dated rates by employment and date, in the caller's transaction (written through). */
    @Transactional
    public Saved saveRates(List<RateDetails> rates) {
        Map<String, EmploymentEntity> known = new HashMap<>();
        repository.findAllWithRates().forEach(e -> known.put(e.ref(), e));
        int added = 0;
        int changed = 0;
        for (RateDetails rate : rates) {
            EmploymentEntity employment = known.get(rate.employmentRef());
            boolean isNew = !employment.hasRateFrom(rate.effectiveFrom());
            if (employment.rateFrom(rate.effectiveFrom(), rate.rate())) {
                if (isNew) {
                    added++;
                } else {
                    changed++;
                }
            }
        }
        repository.flush();
        return new Saved(added, changed);
    }
}
