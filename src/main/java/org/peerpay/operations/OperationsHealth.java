package org.peerpay.operations;

import java.io.File;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.peerpay.system.JobRuns;
import org.peerpay.system.PeerPayProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * What {@code /actuator/health} tells an admin beyond the database: the free space where PeerPay keeps its data and
 * writes its output, how long ago the last nightly run that paid succeeded (DOWN past
 * {@code peerpay.health.nightly-max-age}, 26 hours, while the schedule is on), and the runs that failed and wait to
 * be restarted.
 */
@Configuration(proxyBeanMethods = false)
class OperationsHealth {

    @Bean
    HealthIndicator dataDiskSpaceHealthIndicator(PeerPayProperties properties,
                                  @Value("${peerpay.health.min-free-space:500MB}") DataSize threshold) {
        return diskSpace(properties.dataDir().toFile(), threshold);
    }

    @Bean
    HealthIndicator outDiskSpaceHealthIndicator(PeerPayProperties properties,
                                 @Value("${peerpay.health.min-free-space:500MB}") DataSize threshold) {
        return diskSpace(properties.outDir().toFile(), threshold);
    }

    private static HealthIndicator diskSpace(File directory, DataSize threshold) {
        return () -> {
            File existing = directory.getAbsoluteFile();
            while (existing != null && !existing.exists()) {
                existing = existing.getParentFile();
            }
            long free = existing == null ? 0 : existing.getUsableSpace();
            return (free >= threshold.toBytes() ? Health.up() : Health.down())
                    .withDetail("path", directory.getAbsolutePath())
                    .withDetail("free", DataSize.ofBytes(free).toMegabytes() + " MB")
                    .withDetail("threshold", threshold.toMegabytes() + " MB").build();
        };
    }

    @Bean
    HealthIndicator lastNightlyHealthIndicator(NightlyRuns runs, ObjectProvider<NightlySchedule> schedule, Nightly nightly,
                            @Value("${peerpay.health.nightly-max-age:26h}") Duration maxAge) {
        return new AbstractHealthIndicator() {
            @Override
            protected void doHealthCheck(Health.Builder health) {
                List<NightlyRun> recent = runs.recent();
                Optional<NightlyRun> lastGood = recent.stream().filter(run -> run.outcome()
                        == NightlyRun.Outcome.SUCCEEDED || run.outcome() == NightlyRun.Outcome.FILES_REFUSED)
                        .findFirst();
                NightlySchedule scheduled = schedule.getIfAvailable();
                Instant now = nightly.now();
                boolean stale = lastGood.map(run -> Duration.between(run.finishedAt(), now).compareTo(maxAge) > 0)
                        .orElse(!recent.isEmpty());
                (scheduled != null && stale ? health.down() : health.up())
                        .withDetail("scheduled", scheduled != null)
                        .withDetail("maxAge", maxAge.toString());
                lastGood.ifPresent(run -> health.withDetail("lastSucceeded", run.finishedAt().toString())
                        .withDetail("ageHours", Duration.between(run.finishedAt(), now).toHours()));
                if (!recent.isEmpty()) {
                    health.withDetail("lastOutcome", recent.get(0).outcome().name());
                }
                if (scheduled != null) {
                    health.withDetail("next", scheduled.next().toString());
                }
            }
        };
    }

    @Bean
    HealthIndicator failedJobsHealthIndicator(JobRuns jobRuns) {
        return () -> {
            List<String> waiting = jobRuns.recent(100).stream().filter(JobRuns.JobRun::restartable)
                    .map(run -> "run " + run.id() + ": " + run.job() + " of " + run.subject()).toList();
            return Health.up().withDetail("awaitingRestart", waiting.size()).withDetail("runs", waiting).build();
        };
    }
}
