package org.peerpay.timesheets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.money.HourlyRate;
import org.peerpay.people.People;

/**
 * The mentors, service users and employments an import checks rows against, read once when the staging step
 * starts. Its size is the council's, not the file's: a large council's 100,000 employments take a few MB.
 */
final class ReferenceSnapshot {

    /** An employment with what the floor check needs besides: the mentor's date of birth. */
    record Employed(Employment employment, LocalDate mentorBorn) {

        long id() {
            return employment.id();
        }

        long mentorId() {
            return employment.mentorId();
        }

        long serviceUserId() {
            return employment.serviceUserId();
        }

        /** The rate in force on a date, or null before the first takes effect. */
        HourlyRate rateOn(LocalDate date) {
            return employment.rateOn(date);
        }
    }

    private final Map<String, Long> mentors;
    private final Map<String, Long> serviceUsers;
    /** By mentor ref, then service user ref. */
    private final Map<String, Map<String, List<Employed>>> employments = new HashMap<>();

    /** An empty snapshot: every mentor and service user unknown. */
    ReferenceSnapshot() {
        this(Map.of(), Map.of());
    }

    private ReferenceSnapshot(Map<String, Long> mentors, Map<String, Long> serviceUsers) {
        this.mentors = mentors;
        this.serviceUsers = serviceUsers;
    }

    static ReferenceSnapshot load(People people, Employments employmentRecords) {
        Map<Long, People.Mentor> mentors = people.mentors();
        Map<Long, People.ServiceUser> serviceUsers = people.serviceUsers();
        Map<String, Long> mentorIds = new HashMap<>();
        mentors.values().forEach(m -> mentorIds.put(m.ref(), m.id()));
        Map<String, Long> serviceUserIds = new HashMap<>();
        serviceUsers.values().forEach(s -> serviceUserIds.put(s.ref(), s.id()));
        ReferenceSnapshot snapshot = new ReferenceSnapshot(mentorIds, serviceUserIds);
        for (Employment employment : employmentRecords.all().values()) {
            People.Mentor mentor = mentors.get(employment.mentorId());
            if (mentor.dateOfBirth() == null) {
                continue; // anonymised under the retention rules: no shift of theirs can be taken now
            }
            snapshot.employments.computeIfAbsent(mentor.ref(), k -> new HashMap<>())
                    .computeIfAbsent(serviceUsers.get(employment.serviceUserId()).ref(), k -> new ArrayList<>(1))
                    .add(new Employed(employment, mentor.dateOfBirth()));
        }
        return snapshot;
    }

    Long mentorId(String ref) {
        return mentors.get(ref);
    }

    Long serviceUserId(String ref) {
        return serviceUsers.get(ref);
    }

    /** The employment of a mentor by a service user that covers a date, or null. */
    Employed employment(String mentorRef, String serviceUserRef, LocalDate date) {
        List<Employed> candidates = employments.getOrDefault(mentorRef, Map.of()).get(serviceUserRef);
        if (candidates != null) {
            for (Employed employed : candidates) {
                if (employed.employment().covers(date)) {
                    return employed;
                }
            }
        }
        return null;
    }
}
