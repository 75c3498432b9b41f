package org.peerpay.timesheets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The mentors, service users and employments an import checks rows against, read once when the staging step
 * starts. Its size is the council's, not the file's: a large council's 100,000 employments take a few MB.
 */
final class ReferenceSnapshot {

    record Employment(long id, long mentorId, long serviceUserId, LocalDate start, LocalDate end) {
        boolean covers(LocalDate date) {
            return !date.isBefore(start) && (end == null || !date.isAfter(end));
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
        jdbc.query("""
                select m.ref, su.ref, e.id, e.mentor_id, e.service_user_id, e.start_date, e.end_date
                from employment e join mentor m on m.id = e.mentor_id join service_user su on su.id = e.service_user_id
                """, rs -> {
            snapshot.employments.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                    .computeIfAbsent(rs.getString(2), k -> new ArrayList<>(1))
                    .add(new Employment(rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)));
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
