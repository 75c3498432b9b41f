package org.peerpay.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A mentor as stored. The NI number is kept as AES-GCM ciphertext bound to the mentor's ref (the ref is the
 * cipher's associated data, so ciphertexts cannot be swapped between mentors), and is only ever read back masked
 * or compared; that binding needs the ref, which is why this entity seals and opens it, not an attribute converter
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

    protected MentorEntity() {
    }

    MentorEntity(People.MentorDetails details, NiNumberCipher cipher) {
        ref = details.ref();
        update(details, cipher);
    }

    /**
     * Takes the details reference data now gives; true when anything changed. An unchanged NI number keeps its
     * ciphertext (a fresh IV would make every ciphertext differ).
     */
    boolean update(People.MentorDetails details, NiNumberCipher cipher) {
        boolean sameNi = niNumberEncrypted != null && cipher.decrypt(niNumberEncrypted, ref).equals(details.niNumber());
        boolean changed = !sameNi || !Objects.equals(name, details.name())
                || !Objects.equals(dateOfBirth, details.dateOfBirth()) || !Objects.equals(address, details.address());
        name = details.name();
        dateOfBirth = details.dateOfBirth();
        address = details.address();
        if (!sameNi) {
            niNumberEncrypted = cipher.encrypt(details.niNumber(), ref);
        }
        return changed;
    }

    String ref() {
        return ref;
    }
}
