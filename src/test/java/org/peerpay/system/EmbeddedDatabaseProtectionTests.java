package org.peerpay.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.support.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;

/** The embedded database lets in no one without its passwords, and the application's role is no superuser. */
class EmbeddedDatabaseProtectionTests extends DatabaseTest {

    @Autowired
    PeerPayProperties properties;

    @TempDir
    Path elsewhere;

    @Test
    void refusesEveryConnectionWithoutThePassword() {
        for (String role : List.of("postgres", "peerpay_app")) {
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), role, null).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), role, "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), role, "guess").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        }
        assertThat(asOwner().queryForObject("select current_user", String.class)).isEqualTo("postgres");
        assertThat(jdbc.queryForObject("select current_user", String.class)).isEqualTo("peerpay_app");
    }

    @Test
    void trustsNoOneListensOnLoopbackOnlyAndKeepsItsPasswordsFromOtherUsers() throws Exception {
        Path dataDir = properties.dataDir();
        assertThat(Files.readAllLines(dataDir.resolve("pg/pg_hba.conf")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")))
                .containsExactly("host    all       all   127.0.0.1/32   scram-sha-256",
                        "host    all       all   ::1/128        scram-sha-256");
        assertThat(asOwner().queryForObject("select count(*) from pg_hba_file_rules", Integer.class)).isEqualTo(2);
        assertThat(asOwner().queryForObject("select count(*) from pg_hba_file_rules where auth_method <>"
                + " 'scram-sha-256' or type <> 'host'", Integer.class)).isZero();
        assertThat(asOwner().queryForObject("show unix_socket_directories", String.class)).isEmpty();
        assertThat(asOwner().queryForObject("show listen_addresses", String.class)).isEqualTo("localhost");
        for (String secret : List.of("pg-owner.password", "pg-application.password")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(secret))))
                    .as(secret).isEqualTo("rw-------");
        }
    }

    @Test
    void theApplicationCanNeitherReadTheServersFilesNorRunPrograms() {
        assertThatThrownBy(() -> jdbc.queryForObject("select pg_read_file('../data.key')", String.class))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> jdbc.execute("copy (select 1) to program 'id'"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
        assertThat(jdbc.queryForObject("select rolsuper or rolcreaterole or rolcreatedb from pg_roles"
                + " where rolname = current_user", Boolean.class)).isFalse();
    }

    @Test
    void aDirectoryMadeBeforePasswordsIsGivenThemAtItsNextStart() throws Exception {
        Path dataDir = elsewhere.resolve("data");
        try (EmbeddedPostgres server = EmbeddedPostgres.open(dataDir)) {
            // Given a directory as PeerPay made them before: a superuser with no password, trusted by pg_hba.conf
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres",
                    server.owner().password())) {
                c.createStatement().execute("alter role postgres password null");
            }
        }
        Files.writeString(dataDir.resolve("pg/pg_hba.conf"), "host all all 127.0.0.1/32 trust\n"
                + "host all all ::1/128 trust\n");
        String before = Files.readString(dataDir.resolve("pg-owner.password"));
        Files.delete(dataDir.resolve("pg-owner.password"));
        Files.delete(dataDir.resolve("pg-application.password"));

        try (EmbeddedPostgres server = EmbeddedPostgres.open(dataDir)) {
            assertThat(Files.readString(dataDir.resolve("pg-owner.password"))).isNotEqualTo(before);
            assertThat(Files.readString(dataDir.resolve("pg/pg_hba.conf"))).doesNotContain("trust");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", null).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres",
                    server.owner().password())) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
    }
}
