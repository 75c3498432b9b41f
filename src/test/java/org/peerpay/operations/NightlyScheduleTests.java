package org.peerpay.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.peerpay.payroll.LedgerCheck;
import org.peerpay.support.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code serve} left running across a scheduled time pays the sample data with no one touching it: the schedule is
 * set to a time a little after the application starts, and the test waits for it.
 */
@TestPropertySource(properties = {"spring.main.web-application-type=servlet", "peerpay.nightly.enabled=true",
        "peerpay.nightly.catch-up=false",
        "server.port=0"})
@DirtiesContext
class NightlyScheduleTests extends DatabaseTest {

    /** A slot 35 seconds from when the test class is loaded, London time. */
    static final ZonedDateTime SLOT = ZonedDateTime.now(ZoneId.of("Europe/London")).plusSeconds(35).withNano(0);

    @DynamicPropertySource
    static void scheduleShortlyAfterStart(DynamicPropertyRegistry registry) {
        registry.add("peerpay.nightly.schedule", () -> "%d %d %d * * *".formatted(SLOT.getSecond(), SLOT.getMinute(),
                SLOT.getHour()));
    }

    @Autowired
    NightlyRuns runs;
    @Autowired
    NightlySchedule schedule;
    @Autowired
    LedgerCheck ledgerCheck;

    @Test
    void serveLeftRunningAcrossAScheduledTimePaysTheSampleDataByItself() throws Exception {
        assertThat(schedule.next()).isEqualTo(SLOT.toInstant());
        long deadline = System.nanoTime() + 240_000_000_000L;
        while (System.nanoTime() < deadline && (runs.recent().isEmpty()
                || runs.recent().get(0).outcome() == NightlyRun.Outcome.RUNNING)) {
            Thread.sleep(500);
        }
        assertThat(runs.recent()).singleElement().satisfies(run -> {
            assertThat(run.trigger()).isEqualTo(NightlyRun.Trigger.SCHEDULE);
            assertThat(run.scheduledFor()).isEqualTo(SLOT.toInstant());
            assertThat(run.outcome()).as(run.summary()).isEqualTo(NightlyRun.Outcome.SUCCEEDED);
            assertThat(run.summary()).startsWith("4 file(s) imported (390 rows accepted, 11 rejected), 0 refused;"
                    + " 2 period(s) paid 2026-27/4W07 (46 payslips) 2026-27/4W08 (45 payslips); ledger reconciles");
        });
        assertThat(jdbc.queryForObject("select sum(gross_pay) from payslip where period_id = '2026-27/4W08'",
                java.math.BigDecimal.class)).isEqualByComparingTo("8984.37");
        assertThat(ledgerCheck.run(LocalDate.of(2099, 12, 31)).breaches()).isEmpty();
        assertThat(schedule.next()).isAfter(SLOT.toInstant());
    }
}
