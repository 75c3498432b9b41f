package org.peerpay.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The record of nightly runs: each start and end committed at once, whatever the run's own transactions do. */
@Service
public class NightlyRuns {

    private final NightlyRunRepository repository;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<NightlySchedule> schedule;

    NightlyRuns(NightlyRunRepository repository, Clock clock,
                org.springframework.beans.factory.ObjectProvider<NightlySchedule> schedule) {
        this.repository = repository;
        this.clock = clock;
        this.schedule = schedule;
    }

    /** When the next scheduled run is due, or null when this process does not run them on a schedule. */
    public Instant next() {
        NightlySchedule scheduled = schedule.getIfAvailable();
        return scheduled == null ? null : scheduled.next();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    long started(NightlyRun.Trigger trigger, Instant scheduledFor) {
        return repository.save(NightlyRun.start(trigger, scheduledFor, clock.instant())).id();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void ended(long id, NightlyRun.Outcome outcome, String summary) {
        NightlyRun run = repository.findById(id).orElseThrow();
        run.end(outcome, summary, clock.instant());
    }

    /**
     * Ends as FAILED the runs recorded as running, which the caller knows are not (it holds the nightly lock, which a
     * running run holds): their process stopped without ending them. Returns how many.
     */
    @Transactional
    int endAbandoned() {
        List<NightlyRun> abandoned = repository.findByOutcome(NightlyRun.Outcome.RUNNING);
        abandoned.forEach(run -> run.end(NightlyRun.Outcome.FAILED, "the process running it stopped (killed or"
                + " crashed) before it ended; the next run went on with its work", clock.instant()));
        return abandoned.size();
    }

    /** The newest runs first. */
    @Transactional(readOnly = true)
    public List<NightlyRun> recent() {
        return repository.findTop20ByOrderByStartedAtDesc();
    }

    /** Whether a run was made for this slot of the schedule, or a later one. */
    @Transactional(readOnly = true)
    public boolean ranFor(Instant slot) {
        return repository.existsByScheduledForGreaterThanEqual(slot);
    }
}
