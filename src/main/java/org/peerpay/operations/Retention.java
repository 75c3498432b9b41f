package org.peerpay.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.peerpay.audit.AuditLog;
import org.peerpay.budgets.BudgetStatements;
import org.peerpay.budgets.Budgets;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.payroll.PayRuns;
import org.peerpay.payroll.PayslipFiles;
import org.peerpay.people.People;
import org.peerpay.people.PersonIds;
import org.peerpay.system.DatabaseLocks;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import org.peerpay.timesheets.TimesheetRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgets what identifies people once the law no longer asks PeerPay to keep it: records dated on or before the
 * cut-off (past both the PAYE and the National Minimum Wage rule) lose their free text and their files, and a
 * mentor or service user with no record after it (and no employment still open) is anonymised. Every figure stays:
 * payslips, journal entries and totals are kept, attached to a ref, so the ledger still reconciles.
 */
@Service
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final RetentionProperties rules;
    private final PeerPayProperties places;
    private final NightlyProperties nightly;
    private final DatabaseLocks locks;
    private final TransactionTemplate transaction;
    private final People people;
    private final Employments employments;
    private final Budgets budgets;
    private final PayRuns payRuns;
    private final TimesheetRecords timesheets;
    private final Exceptions exceptions;
    private final AuditLog audit;

    Retention(RetentionProperties rules, PeerPayProperties places, NightlyProperties nightly, DatabaseLocks locks,
              TransactionTemplate transaction, People people, Employments employments, Budgets budgets,
              PayRuns payRuns, TimesheetRecords timesheets, Exceptions exceptions, AuditLog audit) {
        this.rules = rules;
        this.places = places;
        this.nightly = nightly;
        this.locks = locks;
        this.transaction = transaction;
        this.people = people;
        this.employments = employments;
        this.budgets = budgets;
        this.payRuns = payRuns;
        this.timesheets = timesheets;
        this.exceptions = exceptions;
        this.audit = audit;
    }

    /** What one application of the rules did. */
    public record Summary(LocalDate asOf, LocalDate cutoff, int mentors, int serviceUsers, int notes,
                          int rejectedRows, int exceptionDetails, int files) {

        public String says() {
            return "as of " + asOf + ", records up to " + cutoff + ": " + mentors + " mentor(s) and " + serviceUsers
                    + " service user(s) anonymised; " + notes + " shift note(s), " + rejectedRows + " rejected row(s)"
                    + " and " + exceptionDetails + " exception detail(s) removed; " + files + " file(s) deleted";
        }
    }

    /**
     * The last day whose records may go as of a day: more than {@code nmwYears} before it, and in a tax year that
     * ended more than {@code payeYears} before it.
     */
    public LocalDate cutoff(LocalDate asOf) {
        LocalDate nmw = asOf.minusYears(rules.nmwYears()).minusDays(1);
        LocalDate payeLimit = asOf.minusYears(rules.payeYears()).minusDays(1);
        LocalDate taxYearEnd = LocalDate.of(payeLimit.getYear(), 4, 5);
        LocalDate paye = taxYearEnd.isAfter(payeLimit) ? taxYearEnd.minusYears(1) : taxYearEnd;
        return nmw.isBefore(paye) ? nmw : paye;
    }

    /**
     * Applies the rules as of a day, recorded in the audit log as done by {@code by}; refused while the nightly run
     * goes on. Doing it again changes nothing more.
     */
    public Summary apply(LocalDate asOf, String by) {
        return locks.tryHolding(Nightly.LOCK, () -> applyAlone(asOf, by)).orElseThrow(() -> new UserFacingException(
                "The nightly run is going on (here or in another PeerPay on this database). Run retention again when"
                        + " it has finished: nothing was changed."));
    }

    private Summary applyAlone(LocalDate asOf, String by) {
        LocalDate cutoff = cutoff(asOf);
        int files = deleteFilesUpTo(cutoff);
        Summary summary = transaction.execute(status -> {
            PersonIds stillKept = payRuns.recordsKeptAfter(cutoff).plus(timesheets.keptAfter(cutoff))
                    .plus(budgets.recordsKeptAfter(cutoff)).plus(employedAfter(cutoff));
            PersonIds anonymised = people.anonymise(people.identifiable().minus(stillKept), asOf);
            TimesheetRecords.Forgotten forgotten = timesheets.forgetUpTo(cutoff);
            Summary done = new Summary(asOf, cutoff, anonymised.mentors().size(), anonymised.serviceUsers().size(),
                    forgotten.notes(), forgotten.rejectedRows(), exceptions.forgetUpTo(cutoff), files);
            audit.record(by, "applied the retention rules", done.says(), null);
            return done;
        });
        log.info("Retention {}", summary.says());
        return summary;
    }

    /** The people of an employment not ended by the cut-off: a mentor still employed is never anonymised. */
    private PersonIds employedAfter(LocalDate cutoff) {
        List<Employment> open = employments.all().values().stream()
                .filter(e -> e.end() == null || e.end().isAfter(cutoff)).toList();
        return new PersonIds(open.stream().map(Employment::mentorId)
                .collect(Collectors.toSet()), open.stream()
                .map(Employment::serviceUserId).collect(Collectors.toSet()));
    }

    /**
     * The files of records up to the cut-off: each period paid by then (its payslips, statements and exceptions),
     * the rejects files of imports by then, and the kept uploads and inbox files of days up to it.
     */
    private int deleteFilesUpTo(LocalDate cutoff) {
        Path out = places.outDir();
        int files = timesheets.deleteRejectsFilesUpTo(cutoff, out);
        for (PayPeriod period : payRuns.periodsPaidUpTo(cutoff)) {
            files += deleteTree(PayslipFiles.directory(out, period)) + deleteTree(BudgetStatements.directory(out, period))
                    + deleteTree(Exceptions.file(out, period));
        }
        for (Path folder : List.of(places.uploadsDir(), nightly.inbox().resolve(Nightly.PROCESSED),
                nightly.inbox().resolve(Nightly.FAILED))) {
            files += deleteDatedUpTo(folder, cutoff);
        }
        return files;
    }

    /** Deletes the entries of a folder whose names begin with a date ({@code 2026-11-23...}) up to the cut-off. */
    private static int deleteDatedUpTo(Path folder, LocalDate cutoff) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            int deleted = 0;
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                try {
                    if (name.length() >= 10 && !LocalDate.parse(name.substring(0, 10)).isAfter(cutoff)) {
                        deleted += deleteTree(entry);
                    }
                } catch (DateTimeParseException notDated) {
                    // not one of PeerPay's dated folders: left as it is
                }
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file or a folder and everything in it; returns how many files went. */
    private static int deleteTree(Path root) {
        if (Files.notExists(root)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            int files = 0;
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                files += Files.isDirectory(path) ? 0 : 1;
                Files.delete(path);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
