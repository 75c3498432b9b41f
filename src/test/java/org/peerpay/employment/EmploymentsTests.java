package org.peerpay.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerpay.money.HourlyRate;
import org.peerpay.people.NiNumber;
import org.peerpay.people.People;
import org.peerpay.support.DatabaseTest;
import org.peerpay.system.Saved;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** Employments saved through their entities and read back as records, against the real database. */
class EmploymentsTests extends DatabaseTest {

    @Autowired
    Employments employments;

    @Autowired
    People people;

    @Autowired
    TransactionTemplate transaction;

    long su;
    long mentor;

    void givenAnEmployerAndAMentor() {
        transaction.executeWithoutResult(status -> {
            people.saveServiceUsers(List.of(new People.ServiceUserDetails("SU1", "Alex Morgan", "Leeds", null, null,
                    null, true, 8)));
            people.saveMentors(List.of(new People.MentorDetails("M1", "Jo", "Bloggs",
                    LocalDate.of(1985, 3, 2), NiNumber.parse("AB123456C"), 'F', List.of("1 High Street"), "LS1 1AA",
                    null)));
        });
        su = people.serviceUserIds().get("SU1");
        mentor = people.mentorIds().get("M1");
    }

    Employments.EmploymentDetails e1(String rate) {
        return new Employments.EmploymentDetails("E1", su, mentor, LocalDate.of(2026, 4, 6), null,
                HourlyRate.of(rate), "four-weekly", "1257L", false, "A", "rolled-up", "assess", null, null);
    }

    @Test
    void savesAnEmploymentWithItsRatesAndCountsOnlyRealChanges() {
        givenAnEmployerAndAMentor();

        Saved first = transaction.execute(status -> employments.saveEmployments(List.of(e1("14.50"))));
        Saved again = transaction.execute(status -> employments.saveEmployments(List.of(e1("14.50"))));
        Saved raised = transaction.execute(status -> employments.saveEmployments(List.of(e1("15.00"))));
        Saved rise = transaction.execute(status -> employments.saveRates(List.of(
                new Employments.RateDetails("E1", LocalDate.of(2026, 10, 5), HourlyRate.of("15.2500")))));

        assertThat(first).isEqualTo(new Saved(1, 0));
        assertThat(again).isEqualTo(new Saved(0, 0));
        assertThat(raised).isEqualTo(new Saved(0, 1));
        assertThat(rise).isEqualTo(new Saved(1, 0));
        Employment read = employments.all().values().iterator().next();
        assertThat(read.rateOn(LocalDate.of(2026, 10, 4))).isEqualTo(HourlyRate.of("15.00"));
        assertThat(read.rateOn(LocalDate.of(2026, 10, 5))).isEqualTo(HourlyRate.of("15.25"));
        assertThat(read.rateOn(LocalDate.of(2026, 4, 5))).isNull();
        assertThat(people.maskedNiNumbers().get(mentor)).isEqualTo("******56C");
    }
}
