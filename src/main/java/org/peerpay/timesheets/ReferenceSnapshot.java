package org.peerpay.timesheets;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.peerpay.money.HourlyRate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mentors, service users and employments an import checks rows against, read once when the staging step
 * starts. Its size is the council's, not the file's: a large council's 100,000 employments take a few MB.
 */
final class ReferenceSnapshot {

    /**
     * An employment with what the floor check needs: the mentor's date of birth and the rates by the date they
     * take effect.
     */
    record Employment(long id, long mentorId, long serviceUserId, LocalDate start, LocalDate end,
                      LocalDate mentorBorn, TreeMap<LocalDate, HourlyRate> rates) {
        boolean covers(LocalDate date) {
            return !date.isBefore(start) && (end == null || !date.isAfter(end));
        }

        /** The rate in force on a date, or null before the first takes effect. */
        HourlyRate rateOn(LocalDate date) {
            var inForce = rates.floorEntry(date);
            return inForce == null ? null : inForce.getValue();
        }

        int mentorAgeOn(LocalDate date) {
            return Period.between(mentorBorn, date).getYears();
        }
    }

    private final Map<String, Long> mentors = new HashMap<>();
    private final Map<String, Long> serviceUsers = new HashMap<>();
    /** By mentor ref, then service user ref. */
    private final Map<String, Map<String, List<Employment>>> employments = new HashMap<>();

    ReferenceSnapshot() {
    }

    static ReferenceSnapshot load(JdbcTemplate jdbc) {
        ReferenceSnapshot snapshot = new ReferenceSnapshot();
        jdbc.query("select ref, id from mentor", rs -> {
            snapshot.mentors.put(rs.getString(1), rs.getLong(2));
        });
        jdbc.query("select ref, id from service_user", rs -> {
            snapshot.serviceUsers.put(rs.getString(1), rs.getLong(2));
        });
        Map<Long, TreeMap<LocalDate, HourlyRate>> rates = new HashMap<>();
        jdbc.query("select employment_id, effective_from, hourly_rate from employment_rate", rs -> {
            rates.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                    .put(rs.getObject(2, LocalDate.class), new HourlyRate(rs.getBigDecimal(3)));
        });
        jdbc.query("""
                select m.ref, su.ref, e.id, e.mentor_id, e.service_user_id, e.start_date, e.end_date, m.date_of_birth
                from employment e join mentor m on m.id = e.mentor_id join service_user su on su.id = e.service_user_id
                """, rs -> {
            long id = rs.getLong(3);
            snapshot.employments.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString(2), k -> new ArrayList<>(1))
                    .add(new Employment(id, rs.getLong(4), rs.getLong(5), rs.getObject(6, LocalDate.class),
                            rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                            rates.getOrDefault(id, new TreeMap<>())));
        });
        return snapshot;
    }

    Long mentorId(String ref) {
        return mentors.get(ref);
    }

    Long serviceUserId(String ref) {
        return serviceUsers.get(ref);
    }

    /** The employment of a mentor by a service user that covers a date, or null. */
    Employment employment(String mentorRef, String serviceUserRef, LocalDate date) {
        List<Employment> candidates = employments.getOrDefault(mentorRef, Map.of()).get(serviceUserRef);
        if (candidates != null) {
            for (Employment employment : candidates) {
                if (employment.covers(date)) {
                    return employment;
                }
            }
        }
        return null;
    }
}
