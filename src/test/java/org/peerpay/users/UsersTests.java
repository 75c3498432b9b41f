package org.peerpay.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.support.DatabaseTest;
import org.peerpay.support.SmallCouncil;
import org.peerpay.system.UserFacingException;
import org.springframework.beans.factory.annotation.Autowired;

class UsersTests extends DatabaseTest {

    @Autowired
    Users users;
    @Autowired
    ReferenceDataLoader referenceLoader;

    @TempDir
    Path dir;

    @Test
    void keepsOnlyABcryptHashOfThePassword() {
        users.add("jo.smith", Role.FINANCE, "a long enough password".toCharArray());

        String hash = jdbc.queryForObject("select password_hash from user_account where username = 'jo.smith'",
                String.class);
        assertThat(hash).startsWith("$2a$10$").doesNotContain("long enough");
        assertThat(users.passwordEncoder().matches("a long enough password", hash)).isTrue();
    }

    @Test
    void refusesBadNamesShortPasswordsAndAChangeOfRole() {
        assertThatThrownBy(() -> users.add("Jo Smith", Role.FINANCE, "a long enough password".toCharArray()))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("cannot be a user name");
        assertThatThrownBy(() -> users.add("jo", Role.FINANCE, "short".toCharArray()))
                .hasMessageContaining("at least 12 characters");
        users.add("jo", Role.FINANCE, "a long enough password".toCharArray());
        assertThatThrownBy(() -> users.add("jo", Role.ADMIN, "a long enough password".toCharArray()))
                .hasMessageContaining("jo is already a finance user");
    }

    @Test
    void setsACoordinatorsCaseloadToServiceUsersThatExist() {
        referenceLoader.load(SmallCouncil.writeReference(dir));
        users.add("cat", Role.COORDINATOR, "a long enough password".toCharArray());
        users.add("fin", Role.FINANCE, "a long enough password".toCharArray());

        assertThat(users.setCaseload("cat", Set.of("SU1", "SU2")).caseload()).containsExactlyInAnyOrder("SU1", "SU2");
        assertThatThrownBy(() -> users.setCaseload("cat", Set.of("SU1", "SU99")))
                .hasMessageContaining("Not service users in the reference data: SU99");
        assertThatThrownBy(() -> users.setCaseload("fin", Set.of("SU1"))).hasMessageContaining("only coordinators");
        assertThat(users.find("cat").orElseThrow().caseload()).containsExactlyInAnyOrder("SU1", "SU2");
    }

    @Test
    void makesTheFirstAdminOnceWithARandomPassword() {
        String password = users.makeFirstAdmin().orElseThrow();

        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(users.makeFirstAdmin()).isEmpty();
        assertThat(users.passwordEncoder().matches(password, users.find("admin").orElseThrow().passwordHash()))
                .isTrue();
    }

    @Test
    void theAuditLogCannotBeChangedOrEmptied() {
        jdbc.update("insert into audit_event (username, action, subject) values ('jo', 'signed in', 'web')");

        assertThatThrownBy(() -> asOwner().update("update audit_event set username = 'someone else'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> asOwner().update("delete from audit_event")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event")).rootCause()
                .hasMessageContaining("permission denied");
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Integer.class)).isEqualTo(1);
    }
}
