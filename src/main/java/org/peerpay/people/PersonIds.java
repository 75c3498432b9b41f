package org.peerpay.people;

import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** Some mentors and some service users, by id: whose records a module still keeps, or who may be anonymised. */
public record PersonIds(Set<Long> mentors, Set<Long> serviceUsers) {

    public PersonIds {
        mentors = Set.copyOf(mentors);
        serviceUsers = Set.copyOf(serviceUsers);
    }

    /** The people a query names in its columns {@code mentor_id} and {@code service_user_id} (either may be null). */
    public static PersonIds named(JdbcTemplate jdbc, String sql, Object... arguments) {
        Set<Long> mentors = new HashSet<>();
        Set<Long> serviceUsers = new HashSet<>();
        jdbc.query(sql, rs -> {
            long mentor = rs.getLong("mentor_id");
            if (!rs.wasNull()) {
                mentors.add(mentor);
            }
            long serviceUser = rs.getLong("service_user_id");
            if (!rs.wasNull()) {
                serviceUsers.add(serviceUser);
            }
        }, arguments);
        return new PersonIds(mentors, serviceUsers);
    }

    public PersonIds plus(PersonIds other) {
        return new PersonIds(union(mentors, other.mentors), union(serviceUsers, other.serviceUsers));
    }

    public PersonIds minus(PersonIds other) {
        Set<Long> m = new HashSet<>(mentors);
        m.removeAll(other.mentors);
        Set<Long> s = new HashSet<>(serviceUsers);
        s.removeAll(other.serviceUsers);
        return new PersonIds(m, s);
    }

    private static Set<Long> union(Set<Long> a, Set<Long> b) {
        Set<Long> both = new HashSet<>(a);
        both.addAll(b);
        return both;
    }
}
