package org.peerpay.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.peerpay.system.Failures;
import org.peerpay.system.PeerPayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * The nightly run on its schedule inside {@code serve} ({@code peerpay.nightly.schedule}, a cron in
 * {@code peerpay.nightly.zone}, so 02:00 London time stays 02:00 across the clock changes), when
 * {@code peerpay.nightly.enabled}. A slot another PeerPay on the database is already running is left to it. At
 * start, the last slot is caught up, once, if it was missed while PeerPay was down (there was a run before it, and
 * none for it).
 */
@Component
@EnableScheduling
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "peerpay.nightly.enabled", havingValue = "true")
public class NightlySchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

    private final Nightly nightly;
    private final NightlyRuns runs;
    private final NightlyProperties properties;
    private final PeerPayProperties peerpay;
    private final CronExpression cron;

    NightlySchedule(Nightly nightly, NightlyRuns runs, NightlyProperties properties, PeerPayProperties peerpay) {
        this.nightly = nightly;
        this.runs = runs;
        this.properties = properties;
        this.peerpay = peerpay;
        this.cron = CronExpression.parse(properties.schedule());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addTriggerTask(() -> run(NightlyRun.Trigger.SCHEDULE),
                new CronTrigger(properties.schedule(), properties.zone()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (properties.catchUp()) {
            catchUp();
        }
    }

    /** Catches up the last slot if it was missed while PeerPay was down, once. */
    void catchUp() {
        lastSlot(nightly.now()).ifPresent(slot -> {
            if (!runs.recent().isEmpty() && !runs.ranFor(slot)) {
                log.info("The nightly run of {} was missed while PeerPay was down: running it now", slot);
                new Thread(() -> run(NightlyRun.Trigger.CATCH_UP), "peerpay-nightly-catch-up").start();
            }
        });
    }

    /** When the next scheduled run is due. */
    public Instant next() {
        return cron.next(ZonedDateTime.ofInstant(nightly.now(), properties.zone())).toInstant();
    }

    private void run(NightlyRun.Trigger trigger) {
        Instant now = nightly.now();
        Instant slot = lastSlot(now).orElse(now);
        try {
            LocalDate asOf = ZonedDateTime.ofInstant(now, properties.zone()).toLocalDate();
            if (nightly.runIfFree(trigger, slot, nightly.places(asOf, peerpay.outDir())).isEmpty()) {
                log.info("The nightly run of {} is already going on in another PeerPay: left to it", slot);
            }
        } catch (RuntimeException e) {
            log.error("The nightly run of {} failed: {}", slot, Failures.rootMessage(e));
            log.debug("nightly failure in full", e);
        }
    }

    /**
     * The last slot of the schedule at or before a moment, looked for in a minute, an hour, a day, then eight days
     * back (a cron expression only counts forwards).
     */
    Optional<Instant> lastSlot(Instant at) {
        ZonedDateTime now = ZonedDateTime.ofInstant(at, properties.zone());
        for (Duration back : new Duration[] {Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1),
                Duration.ofDays(8)}) {
            ZonedDateTime last = null;
            for (ZonedDateTime t = cron.next(now.minus(back)); t != null && !t.isAfter(now); t = cron.next(t)) {
                last = t;
            }
            if (last != null) {
                return Optional.of(last.toInstant());
            }
        }
        return Optional.empty();
    }
}
