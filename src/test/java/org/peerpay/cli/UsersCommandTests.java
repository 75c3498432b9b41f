package org.peerpay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.support.SmallCouncil;
import org.peerpay.users.Users;
import org.springframework.beans.factory.annotation.Autowired;

class UsersCommandTests extends CommandLineTest {

    @Autowired
    Users users;
    @Autowired
    ReferenceDataLoader referenceLoader;

    @TempDir
    Path dir;

    @Test
    void addsAUserWithThePasswordFromStandardInputNeverTheCommandLine() {
        int exit = withInput("a long enough password\n", () -> peerpay("users", "add", "jo.smith", "--role",
                "FINANCE"));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("jo.smith can sign in as a finance user.").doesNotContain("long enough");
        assertThat(users.passwordEncoder().matches("a long enough password",
                users.find("jo.smith").orElseThrow().passwordHash())).isTrue();
        assertThat(peerpay("users", "add", "jo.smith", "--role", "FINANCE", "--password", "x")).isEqualTo(2);
    }

    @Test
    void setsACaseloadOrSaysWhyNot() {
        referenceLoader.load(SmallCouncil.writeReference(dir));
        withInput("a long enough password\n", () -> peerpay("users", "add", "cat", "--role", "COORDINATOR"));

        assertThat(peerpay("users", "caseload", "cat", "SU1", "SU2")).isZero();
        assertThat(out.toString()).contains("cat's caseload: SU1, SU2");
        assertThat(peerpay("users", "caseload", "cat", "SU1", "SU404")).isEqualTo(2);
        assertThat(err.toString()).contains("Not service users in the reference data: SU404. Nothing was changed.");
    }

    private static int withInput(String text, java.util.function.IntSupplier command) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        try {
            return command.getAsInt();
        } finally {
            System.setIn(before);
        }
    }
}
