package org.peerpay.operations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One nightly run: why it ran, when, and what it came to. */
@Entity
@Table(name = "nightly_run")
public class NightlyRun {

    /** What started it. */
    public enum Trigger { SCHEDULE, CATCH_UP, COMMAND }

    /** What it came to: RUNNING until it ends (or its process dies). */
    public enum Outcome { RUNNING, SUCCEEDED, FILES_REFUSED, NOT_RECONCILED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger")
    private Trigger trigger;

    @Column(name = "scheduled_for")
    private Instant scheduledFor;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String summary;

    protected NightlyRun() {
    }

    static NightlyRun start(Trigger trigger, Instant scheduledFor, Instant now) {
        NightlyRun run = new NightlyRun();
        run.trigger = trigger;
        run.scheduledFor = scheduledFor;
        run.startedAt = now;
        run.outcome = Outcome.RUNNING;
        return run;
    }

    /** Records the end, once: a run that has ended is not ended again. */
    void end(Outcome outcome, String summary, Instant now) {
        if (this.outcome != Outcome.RUNNING) {
            throw new IllegalStateException("nightly run " + id + " has ended already, " + this.outcome);
        }
        this.outcome = outcome;
        this.summary = summary;
        this.finishedAt = now;
    }

    public Long id() {
        return id;
    }

    public Trigger trigger() {
        return trigger;
    }

    public Instant scheduledFor() {
        return scheduledFor;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String summary() {
        return summary;
    }
}
