package org.peerpay.operations;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NightlyRunRepository extends JpaRepository<NightlyRun, Long> {

    List<NightlyRun> findTop20ByOrderByStartedAtDesc();

    boolean existsByScheduledForGreaterThanEqual(Instant slot);

    List<NightlyRun> findByOutcome(NightlyRun.Outcome outcome);
}
