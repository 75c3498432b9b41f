package org.peerpay.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A mentor as stored. The NI number and the bank account are kept as AES-GCM ciphertext bound to the mentor's ref
 * (the ref is the cipher's associated data, so ciphertexts cannot be swapped between mentors), and are only ever read
 * back masked or compared; that binding needs the ref, which is why this entity seals and opens it, not an attribute converter
 * (a converter sees one column).
 */
@Entity
@Table(name = "mentor")
class MentorEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mentor_seq")
    @SequenceGenerator(name = "mentor_seq", sequenceName = "mentor_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String ref;

    @Column(nullable = false)
    private String name;

    @Column(name = "date_of_birth", nullable = false)
    private LocalDate dateOfBirth;

    @Column(name = "ni_number_encrypted", nullable = false)
    private byte[] niNumberEncrypted;

    @Column(nullable = false)
    private String address;

    private String forename;

    private String surname;

    private Character gender;

    @Column(name = "address_lines")
    private String[] addressLines;

    private String postcode;

    @Column(name = "bank_account_encrypted")
    private byte[] bankAccountEncrypted;

    protected MentorEntity() {
    }

    MentorEntity(People.MentorDetails details, PersonalDataCipher cipher) {
        ref = details.ref();
        update(details, cipher);
    }

    /**
     * Takes the details reference data now gives; true when anything changed. An unchanged NI number or bank account
     * keeps its ciphertext (a fresh IV would make every ciphertext differ).
     */
    boolean update(People.MentorDetails details, PersonalDataCipher cipher) {
        boolean sameNi = niNumberEncrypted != null && cipher.decrypt(niNumberEncrypted, ref).equals(details.niNumber());
        byte[] bank = cipher.keepOrEncrypt(bankAccountEncrypted, details.bankAccount(), bankBinding(ref),
                "mentor " + ref);
        boolean sameBank = bank == bankAccountEncrypted;
        String[] lines = details.addressLines().toArray(String[]::new);
        boolean changed = !sameNi || !sameBank || !Objects.equals(forename, details.forename())
                || !Objects.equals(surname, details.surname()) || !Objects.equals(gender, details.gender())
                || !Objects.equals(dateOfBirth, details.dateOfBirth()) || !Arrays.equals(addressLines, lines)
                || !Objects.equals(postcode, details.postcode());
        forename = details.forename();
        surname = details.surname();
        name = details.name();
        gender = details.gender();
        dateOfBirth = details.dateOfBirth();
        addressLines = lines;
        postcode = details.postcode();
        address = details.address();
        if (!sameNi) {
            niNumberEncrypted = cipher.encrypt(details.niNumber(), ref);
        }
        bankAccountEncrypted = bank;
        return changed;
    }

    /** What a mentor's bank account is sealed to. */
    static String bankBinding(String ref) {
        return "mentor " + ref + " bank";
    }

    String ref() {
        return ref;
    }
}
