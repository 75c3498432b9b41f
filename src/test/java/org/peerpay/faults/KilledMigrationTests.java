package org.peerpay.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.support.OwnPeerPay;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A PeerPay killed in the middle of a database migration (a first start, or an upgrade): the migration is undone
 * with its transaction, never half applied, and the next start applies it and the rest, then works.
 */
class KilledMigrationTests {

    @TempDir
    Path dir;

    @Test
    void aProcessKilledInAMigrationLeavesItUndoneAndTheNextStartAppliesItAndWorks() throws Exception {
        Path data = dir.resolve("data");
        Process killed = OwnPeerPay.start(data, dir.resolve("out"), Map.of(), dir.resolve("killed.log"),
                "reference", "load", "sample-data/reference", "--peerpay.test.halt-in-migration=12");
        assertThat(killed.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(dir.resolve("killed.log"));
        assertThat(killed.exitValue()).as(output).isEqualTo(137);
        assertThat(output).contains("HALT in migration 12");

        // its server outlived it: what the migration left, as the next start will find it
        try (Connection owner = owner(data)) {
            JdbcTemplate sql = new JdbcTemplate(new SingleConnectionDataSource(owner, true));
            assertThat(sql.queryForList("select version from flyway_schema_history where version is not null"
                    + " order by installed_rank", String.class)).contains("11").doesNotContain("12");
            assertThat(sql.queryForObject("select count(*) from flyway_schema_history where not success",
                    Integer.class)).isZero();
            assertThat(sql.queryForObject("select count(*) from pg_constraint"
                    + " where conname = 'timesheet_line_paid_by_one_run'", Integer.class))
                    .as("the migration's change, undone").isZero();
        }

        Process again = OwnPeerPay.start(data, dir.resolve("out"), Map.of(), dir.resolve("again.log"),
                "reference", "load", "sample-data/reference");
        assertThat(again.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String next = Files.readString(dir.resolve("again.log"));
        assertThat(again.exitValue()).as(next).isZero();
        assertThat(next).containsPattern("mentors.csv +\\d+ rows");
        Process check = OwnPeerPay.start(data, dir.resolve("out"), Map.of(), dir.resolve("check.log"),
                "ledger", "check");
        assertThat(check.waitFor(2, TimeUnit.MINUTES) && check.exitValue() == 0)
                .as(Files.readString(dir.resolve("check.log"))).isTrue();
    }

    private static Connection owner(Path data) throws Exception {
        List<String> pid = Files.readAllLines(data.resolve("pg/postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres",
                "postgres", Files.readString(data.resolve("pg-owner.password")).strip());
    }
}
