package org.peerpay.users;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.peerpay.people.People;
import org.peerpay.system.OwnerOnlyFile;
import org.peerpay.system.UserFacingException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds users, sets coordinators' caseloads, and makes the first admin. */
@Service
public class Users {

    /** What a user name may be: it appears in the audit log and in URLs. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final UserAccountRepository accounts;
    private final People people;
    private final PasswordEncoder encoder = new BCryptPasswordEncoder();

    Users(UserAccountRepository accounts, People people) {
        this.accounts = accounts;
        this.people = people;
    }

    /** The encoder of every password hash PeerPay keeps (BCrypt, strength 10). */
    public PasswordEncoder passwordEncoder() {
        return encoder;
    }

    public Optional<UserAccount> find(String username) {
        return accounts.findByUsername(username);
    }

    public List<UserAccount> all() {
        return accounts.findAll().stream().sorted(java.util.Comparator.comparing(UserAccount::username)).toList();
    }

    /**
     * Adds a user, or sets a new password (and role) for one that exists.
     *
     * @throws UserFacingException when the name or the password will not do, saying why
     */
    @Transactional
    public UserAccount add(String username, Role role, char[] password) {
        if (!NAME.matcher(username).matches()) {
            throw new UserFacingException("'" + username + "' cannot be a user name: use 2 to 32 lower-case letters,"
                    + " digits, '.', '_' or '-', starting with a letter (for example jo.smith).");
        }
        if (password.length < MIN_PASSWORD_LENGTH) {
            throw new UserFacingException("That password is too short: use at least " + MIN_PASSWORD_LENGTH
                    + " characters (a few unrelated words make a good one).");
        }
        Optional<UserAccount> existing = accounts.findByUsername(username);
        if (existing.isPresent() && existing.get().role() != role) {
            throw new UserFacingException(username + " is already a " + existing.get().role().name().toLowerCase()
                    + " user; a user keeps their role (add another user for the other role).");
        }
        String hash = encoder.encode(new String(password));
        java.util.Arrays.fill(password, '\0');
        UserAccount account = existing.orElseGet(() -> new UserAccount(username, hash, role));
        account.changePassword(hash);
        return accounts.save(account);
    }

    /**
     * Sets the service users a coordinator may see.
     *
     * @throws UserFacingException for a user who is not a coordinator, or refs that are not service users
     */
    @Transactional
    public UserAccount setCaseload(String username, Set<String> serviceUserRefs) {
        UserAccount account = accounts.findByUsername(username).orElseThrow(() -> new UserFacingException(
                "There is no user " + username + ". Add them first: peerpay users add " + username
                        + " --role COORDINATOR"));
        if (account.role() != Role.COORDINATOR) {
            throw new UserFacingException(username + " is a " + account.role().name().toLowerCase() + " user: only"
                    + " coordinators have a caseload.");
        }
        Set<String> unknown = new TreeSet<>(serviceUserRefs);
        unknown.removeAll(people.serviceUserIds().keySet());
        if (!unknown.isEmpty()) {
            throw new UserFacingException("Not service users in the reference data: " + String.join(", ", unknown)
                    + ". Nothing was changed.");
        }
        account.replaceCaseload(serviceUserRefs);
        return accounts.save(account);
    }

    /**
     * On a first start with no admin: makes {@code admin} with a random password, returned once so that it can be
     * shown once; it is kept nowhere but as its hash.
     */
    @Transactional
    public Optional<String> makeFirstAdmin() {
        if (accounts.existsByRole(Role.ADMIN)) {
            return Optional.empty();
        }
        String password = OwnerOnlyFile.randomText(15);
        accounts.save(new UserAccount("admin", encoder.encode(password), Role.ADMIN));
        return Optional.of(password);
    }
}
