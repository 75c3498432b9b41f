package org.peerpay.payroll;

import java.util.HashMap;
import java.util.Map;
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
        Map<Long, People.ServiceUser> employers = people.serviceUsers();
        Map<Long, People.Mentor> mentors = people.mentors();
        Map<Long, EmploymentTerms> terms = new HashMap<>();
        for (Employment employment : employments.paid(frequency, range.first(), range.last()).values()) {
            terms.put(employment.id(), new EmploymentTerms(employment, employers.get(employment.serviceUserId()),
                    mentors.get(employment.mentorId())));
        }
        return terms;
    }
}
