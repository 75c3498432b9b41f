package org.peerpay.payroll;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.people.People;
import org.peerpay.statutory.PayFrequency;

/** The terms of every employment of a range of employers paid at a frequency, from the employment and people modules. */
final class EmploymentTermsLoader {

    private EmploymentTermsLoader() {
    }

    static Map<Long, EmploymentTerms> load(Employments employments, People people, PayFrequency frequency,
                                           EmployerRange range) {
        Collection<Employment> paid = employments.paid(frequency, range.first(), range.last()).values();
        Map<Long, People.ServiceUser> employers = people.serviceUsers(range.first(), range.last());
        Map<Long, People.Mentor> mentors = people.mentors(paid.stream().map(Employment::mentorId)
                .collect(Collectors.toSet()));
        Map<Long, EmploymentTerms> terms = new HashMap<>();
        for (Employment employment : paid) {
            terms.put(employment.id(), new EmploymentTerms(employment, employers.get(employment.serviceUserId()),
                    mentors.get(employment.mentorId())));
        }
        return terms;
    }
}
