package org.peerpay.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.reference.FileLoad;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.system.DatabaseLocks;
import org.peerpay.system.Failures;
import org.peerpay.system.UserFacingException;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.TimesheetImporter;
import org.peerpay.wagefloor.WageFloors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The nightly run, the one use case behind {@code peerpay nightly} and the schedule in {@code serve}: reload the wage
 * floors, load the reference data, import every CSV in the inbox (moving each to {@code processed/} or
 * {@code failed/} when so configured), then pay every period that has ended and is not yet paid, write its
 * documents and check the ledger. One at a time across every PeerPay on the database (an advisory lock); each run is
 * recorded in {@code nightly_run}.
 */
@Service
public class Nightly {

    private static final Logger log = LoggerFactory.getLogger(Nightly.class);
    static final String LOCK = "peerpay.nightly";
    /** The inbox's folders of files read, imported and refused, each in a folder of the run's date. */
    static final String PROCESSED = "processed";
    static final String FAILED = "failed";

    private final WageFloors wageFloors;
    private final ReferenceDataLoader reference;
    private final TimesheetImporter importer;
    private final PeriodClose periodClose;
    private final NightlyRuns runs;
    private final DatabaseLocks locks;
    private final NightlyProperties properties;
    private final Clock clock;

    Nightly(WageFloors wageFloors, ReferenceDataLoader reference, TimesheetImporter importer, PeriodClose periodClose,
            NightlyRuns runs, DatabaseLocks locks, NightlyProperties properties, Clock clock) {
        this.wageFloors = wageFloors;
        this.reference = reference;
        this.importer = importer;
        this.periodClose = periodClose;
        this.runs = runs;
        this.locks = locks;
        this.properties = properties;
        this.clock = clock;
    }

    /** Where one run reads and writes. */
    public record Places(LocalDate asOf, Path inbox, Path reference, Path out) {
    }

    /**
     * What a run did, in order.
     *
     * @param referenceRefused why the reference data was refused, or null when it loaded
     * @param refusedFiles     each inbox file refused whole, with why
     */
    public record Report(long runId, Places places, int floorRows, List<FileLoad> referenceLoads,
                         String referenceRefused, List<ImportResult> imports, List<String> refusedFiles,
                         PeriodClose.Outcome close) {

        public NightlyRun.Outcome outcome() {
            if (!close.ledger().reconciles()) {
                return NightlyRun.Outcome.NOT_RECONCILED;
            }
            return referenceRefused == null && refusedFiles.isEmpty() ? NightlyRun.Outcome.SUCCEEDED
                    : NightlyRun.Outcome.FILES_REFUSED;
        }

        /** The run in a line, for the operator. */
        public String summary() {
            int accepted = imports.stream().mapToInt(ImportResult::accepted).sum();
            int rejected = imports.stream().mapToInt(ImportResult::rejectedTotal).sum();
            long paid = close.periods().stream().filter(p -> p.run().ran()).count();
            return imports.size() + " file(s) imported (" + accepted + " rows accepted, " + rejected + " rejected), "
                    + (refusedFiles.size() + (referenceRefused == null ? 0 : 1)) + " refused; " + paid
                    + " period(s) paid" + close.periods().stream().filter(p -> p.run().ran())
                            .map(p -> " " + p.run().period().id() + " (" + p.run().payslips() + " payslips)")
                            .reduce("", String::concat)
                    + "; ledger " + (close.ledger().reconciles() ? "reconciles" : "does NOT reconcile");
        }
    }

    /** The configured inbox, reference data and output directory, as of a day. */
    public Places places(LocalDate asOf, Path out) {
        return new Places(asOf, properties.inbox(), properties.reference(), out);
    }

    /**
     * Runs now, unless another nightly run is going on (in this process or another PeerPay on the database).
     *
     * @param scheduledFor the slot of the schedule it runs for (null from the command line)
     * @return empty when another run is going on: nothing was done
     */
    public Optional<Report> runIfFree(NightlyRun.Trigger trigger, Instant scheduledFor, Places places) {
        return locks.tryHolding(LOCK, () -> runAlone(trigger, scheduledFor, places));
    }

    /** At start, ends the record of a run whose process died, unless a run is going on (in another PeerPay). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void endAbandonedRuns() {
        locks.tryHolding(LOCK, runs::endAbandoned);
    }

    private Report runAlone(NightlyRun.Trigger trigger, Instant scheduledFor, Places places) {
        if (runs.endAbandoned() > 0) {
            log.warn("A nightly run was left unfinished by a process that stopped; this run goes on with its work");
        }
        long runId = runs.started(trigger, scheduledFor);
        try {
            Report report = work(runId, places);
            runs.ended(runId, report.outcome(), report.summary());
            log.info("Nightly run {} ({}): {}", runId, report.outcome(), report.summary());
            return report;
        } catch (RuntimeException e) {
            runs.ended(runId, NightlyRun.Outcome.FAILED, Failures.rootMessage(e));
            throw e;
        }
    }

    private Report work(long runId, Places places) {
        int floorRows = wageFloors.reload();
        List<FileLoad> loads = List.of();
        String referenceRefused = null;
        try {
            loads = reference.load(places.reference());
        } catch (CsvFileRefusedException e) {
            referenceRefused = e.getMessage();
        }
        List<ImportResult> imports = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path file : csvFiles(places.inbox())) {
            try {
                imports.add(importer.importFile(file, places.asOf(), places.out()));
                moveTo(file, PROCESSED, places.asOf(), null);
            } catch (CsvFileRefusedException e) {
                refused.add(e.getMessage());
                moveTo(file, FAILED, places.asOf(), e.getMessage());
            }
        }
        return new Report(runId, places, floorRows, loads, referenceRefused, imports, refused,
                periodClose.closeEndedPeriods(places.asOf(), places.out()));
    }

    /** Moves a read inbox file aside, when so configured; a refused one with its reason beside it. */
    private void moveTo(Path file, String folder, LocalDate asOf, String reason) {
        if (!properties.moveFiles()) {
            return;
        }
        try {
            Path directory = Files.createDirectories(file.getParent().resolve(folder).resolve(asOf.toString()));
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            Path target = directory.resolve(name);
            for (int n = 2; Files.exists(target); n++) {
                target = directory.resolve(name.substring(0, dot) + "-" + n + name.substring(dot));
            }
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            if (reason != null) {
                Files.writeString(directory.resolve(target.getFileName() + ".reason.txt"), reason + System.lineSeparator(),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not move " + file + " to " + folder + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> csvFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new UserFacingException("The inbox " + directory + " does not exist or is not a directory. Give"
                    + " --inbox DIR or set peerpay.nightly.inbox in batch-config/application.yaml.");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".csv"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + directory + ": " + e.getMessage(), e);
        }
    }

    Instant now() {
        return clock.instant();
    }
}
