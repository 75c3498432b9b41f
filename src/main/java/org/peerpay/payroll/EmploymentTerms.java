package org.peerpay.payroll;

import java.time.LocalDate;
import org.peerpay.employment.Employment;
import org.peerpay.money.HourlyRate;
import org.peerpay.people.People;
import org.peerpay.statutory.HolidayMethod;
import org.peerpay.statutory.StarterDeclaration;

/** What the pay run needs of one employment: the employment itself, its employer and its employee. */
record EmploymentTerms(Employment employment, People.ServiceUser employer, People.Mentor mentor) {

    long id() {
        return employment.id();
    }

    String ref() {
        return employment.ref();
    }

    long serviceUserId() {
        return employer.id();
    }

    String serviceUserRef() {
        return employer.ref();
    }

    String serviceUserName() {
        return employer.name();
    }

    boolean employmentAllowance() {
        return employer.employmentAllowance();
    }

    long mentorId() {
        return mentor.id();
    }

    String mentorRef() {
        return mentor.ref();
    }

    String mentorName() {
        return mentor.name();
    }

    LocalDate mentorBorn() {
        return mentor.dateOfBirth();
    }

    /** The code as recorded, or null when the employment has none. */
    String taxCode() {
        return employment.taxCode();
    }

    boolean week1Month1() {
        return employment.week1Month1();
    }

    /** The starter checklist's statement, or null. */
    StarterDeclaration starter() {
        return employment.starter();
    }

    /** The P45 of the employment before, or null. */
    Employment.P45 p45() {
        return employment.p45();
    }

    LocalDate start() {
        return employment.start();
    }

    char niCategory() {
        return employment.niCategory();
    }

    HolidayMethod holiday() {
        return employment.holiday();
    }

    boolean pensionOptedOut() {
        return employment.pensionOptedOut();
    }

    /** The rate in force on a date, or null before the first. */
    HourlyRate rateOn(LocalDate date) {
        return employment.rateOn(date);
    }
}
