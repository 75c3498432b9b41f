package org.peerpay.users;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.TreeSet;

/** A user of the web application: a name, a role, a password hash and, for a coordinator, a caseload. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_account_seq")
    @SequenceGenerator(name = "user_account_seq", sequenceName = "user_account_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean enabled = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_caseload", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "service_user_ref")
    private Set<String> caseload = new TreeSet<>();

    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, Role role) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The refs of the service users a coordinator may see (empty for other roles, who see all or none). */
    public java.util.SortedSet<String> caseload() {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(caseload));
    }

    void changePassword(String hash) {
        this.passwordHash = hash;
    }

    void replaceCaseload(Set<String> refs) {
        caseload.clear();
        caseload.addAll(refs);
    }
}
