package org.peerpay.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Objects;

/** A service user as stored: an employer and budget holder, known by a ref. */
@Entity
@Table(name = "service_user")
class ServiceUserEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "service_user_seq")
    @SequenceGenerator(name = "service_user_seq", sequenceName = "service_user_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String ref;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String council;

    @Column(name = "employer_paye_ref")
    private String employerPayeRef;

    @Column(name = "employment_allowance", nullable = false)
    private boolean employmentAllowance;

    @Column(name = "retention_weeks", nullable = false)
    private int retentionWeeks;

    protected ServiceUserEntity() {
    }

    ServiceUserEntity(People.ServiceUserDetails details) {
        ref = details.ref();
        update(details);
    }

    /** Takes the details reference data now gives; true when anything changed. */
    boolean update(People.ServiceUserDetails details) {
        boolean changed = !Objects.equals(name, details.name()) || !Objects.equals(council, details.council())
                || !Objects.equals(employerPayeRef, details.employerPayeRef())
                || employmentAllowance != details.employmentAllowance() || retentionWeeks != details.retentionWeeks();
        name = details.name();
        council = details.council();
        employerPayeRef = details.employerPayeRef();
        employmentAllowance = details.employmentAllowance();
        retentionWeeks = details.retentionWeeks();
        return changed;
    }

    String ref() {
        return ref;
    }
}
