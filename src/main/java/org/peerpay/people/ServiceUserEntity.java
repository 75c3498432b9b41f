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

    @Column(name = "accounts_office_ref")
    private String accountsOfficeRef;

    @Column(name = "bank_account_encrypted")
    private byte[] bankAccountEncrypted;

    @Column(name = "employment_allowance", nullable = false)
    private boolean employmentAllowance;

    @Column(name = "retention_weeks", nullable = false)
    private int retentionWeeks;

    protected ServiceUserEntity() {
    }

    ServiceUserEntity(People.ServiceUserDetails details, PersonalDataCipher cipher) {
        ref = details.ref();
        update(details, cipher);
    }

    /**
     * Takes the details reference data now gives; true when anything changed. An unchanged bank account keeps its
     * ciphertext (a fresh IV would make every ciphertext differ).
     */
    boolean update(People.ServiceUserDetails details, PersonalDataCipher cipher) {
        String office = details.accountsOfficeReference() == null ? null : details.accountsOfficeReference().value();
        byte[] bank = cipher.keepOrEncrypt(bankAccountEncrypted, details.bankAccount(), bankBinding(ref),
                "service user " + ref);
        boolean sameBank = bank == bankAccountEncrypted;
        boolean changed = !Objects.equals(name, details.name()) || !Objects.equals(council, details.council())
                || !Objects.equals(employerPayeRef, details.employerPayeRef())
                || !Objects.equals(accountsOfficeRef, office) || !sameBank
                || employmentAllowance != details.employmentAllowance() || retentionWeeks != details.retentionWeeks();
        accountsOfficeRef = office;
        bankAccountEncrypted = bank;
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

    /** What a service user's bank account is sealed to. */
    static String bankBinding(String ref) {
        return "service user " + ref + " bank";
    }
}
