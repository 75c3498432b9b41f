package org.peerpay.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.peerpay.support.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A slot missed while PeerPay was down is caught up at start, once; a first start catches up nothing; and a run
 * another PeerPay on the database is running is left to it.
 */
@TestPropertySource(properties = {"spring.main.web-application-type=servlet", "peerpay.nightly.enabled=true",
        "peerpay.nightly.catch-up=false",
        "server.port=0", "peerpay.nightly.schedule=0 0 2 * * *"})
@DirtiesContext
class NightlyCatchUpTests extends DatabaseTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Autowired
    NightlyRuns runs;
    @Autowired
    NightlySchedule schedule;
    @Autowired
    Nightly nightly;
    @Autowired
    DataSource dataSource;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("lastNightlyHealthIndicator")
    org.springframework.boot.health.contributor.HealthIndicator lastNightly;

    @Test
    void findsTheLastSlotAtTwoInTheMorningLondonTimeAcrossTheClockChange() {
        // 29 March 2026: the clocks go forward at 01:00 GMT; 02:00 BST that day is 01:00 UTC
        Instant afterTheChange = ZonedDateTime.of(2026, 3, 29, 12, 0, 0, 0, LONDON).toInstant();
        assertThat(schedule.lastSlot(afterTheChange)).hasValue(Instant.parse("2026-03-29T01:00:00Z"));
        Instant winter = ZonedDateTime.of(2026, 12, 2, 1, 59, 0, 0, LONDON).toInstant();
        assertThat(schedule.lastSlot(winter)).hasValue(Instant.parse("2026-12-01T02:00:00Z"));
    }

    @Test
    void catchesUpTheMissedSlotOnceAndNothingOnAFirstStart() throws Exception {
        schedule.catchUp();
        Thread.sleep(1000);
        assertThat(runs.recent()).as("a first start: nothing to catch up").isEmpty();

        Instant slot = schedule.lastSlot(Instant.now()).orElseThrow();
        long before = runs.started(NightlyRun.Trigger.SCHEDULE, slot.minus(Duration.ofDays(2)));
        runs.ended(before, NightlyRun.Outcome.SUCCEEDED, "two days ago");

        schedule.catchUp();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && (runs.recent().size() < 2
                || runs.recent().get(0).outcome() == NightlyRun.Outcome.RUNNING)) {
            Thread.sleep(250);
        }
        assertThat(runs.recent()).hasSize(2).first().satisfies(run -> {
            assertThat(run.trigger()).isEqualTo(NightlyRun.Trigger.CATCH_UP);
            assertThat(run.scheduledFor()).isEqualTo(slot);
            assertThat(run.outcome()).as(run.summary()).isEqualTo(NightlyRun.Outcome.SUCCEEDED);
        });

        schedule.catchUp();
        Thread.sleep(1000);
        assertThat(runs.recent()).as("caught up once").hasSize(2);
    }

    @Test
    void aRunAnotherPeerPayIsRunningIsLeftToIt() {
        SingleConnectionDataSource other = new SingleConnectionDataSource(postgres.jdbcUrl(),
                postgres.application().user(), postgres.application().password(), true);
        try {
            new JdbcTemplate(other).queryForObject("select pg_advisory_lock(hashtext(?)) is null", Boolean.class,
                    Nightly.LOCK);
            assertThat(nightly.runIfFree(NightlyRun.Trigger.COMMAND, null,
                    nightly.places(LocalDate.now(LONDON), OUT))).isEmpty();
            assertThat(runs.recent()).as("nothing done, nothing recorded").isEmpty();
        } finally {
            other.destroy();
        }
    }

    @Test
    void healthIsDownWhenTheLastGoodNightlyRunIsOlderThanItsMaximumAge() {
        assertThat(lastNightly.health().getStatus().getCode()).as("no run yet").isEqualTo("UP");
        long old = runs.started(NightlyRun.Trigger.SCHEDULE, Instant.now().minus(Duration.ofHours(30)));
        runs.ended(old, NightlyRun.Outcome.SUCCEEDED, "a day and more ago");
        jdbc.update("update nightly_run set finished_at = now() - interval '30 hours' where id = ?", old);
        assertThat(lastNightly.health().getStatus().getCode()).isEqualTo("DOWN");

        long failed = runs.started(NightlyRun.Trigger.SCHEDULE, Instant.now());
        runs.ended(failed, NightlyRun.Outcome.FAILED, "the disk is full");
        assertThat(lastNightly.health().getStatus().getCode()).as("a failed run is not a good one").isEqualTo("DOWN");

        long good = runs.started(NightlyRun.Trigger.SCHEDULE, Instant.now());
        runs.ended(good, NightlyRun.Outcome.SUCCEEDED, "just now");
        assertThat(lastNightly.health().getStatus().getCode()).isEqualTo("UP");
        assertThat(lastNightly.health().getDetails()).containsEntry("lastOutcome", "SUCCEEDED")
                .containsEntry("scheduled", true);
    }
}
