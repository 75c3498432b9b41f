package org.peerpay.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.money.Gbp;
import org.peerpay.payroll.PayRuns;
import org.peerpay.payroll.PeriodClose;
import org.peerpay.system.JobRuns;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.system.UserFacingException;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.TimesheetImporter;
import org.springframework.stereotype.Service;

/**
 * Restarting a run that did not finish, for {@code peerpay jobs restart} and the web alike: by the use case that
 * started it, which goes on from its last commit (a pay run's period is closed again, finishing its unfinished
 * run; an import's kept file is imported again, going on from its last block). Also says what a period close did,
 * in a sentence, for whoever started it.
 */
@Service
public class JobRestarts {

    private final JobRuns jobRuns;
    private final PeriodClose periodClose;
    private final TimesheetImporter importer;
    private final PeerPayProperties properties;
    private final Clock clock;

    JobRestarts(JobRuns jobRuns, PeriodClose periodClose, TimesheetImporter importer, PeerPayProperties properties,
                Clock clock) {
        this.jobRuns = jobRuns;
        this.periodClose = periodClose;
        this.importer = importer;
        this.properties = properties;
        this.clock = clock;
    }

    /** A restart to do: what it is, and the work, which says in a sentence what it did. */
    public record Restart(JobRuns.JobRun run, String what, Supplier<String> work) {
    }

    /**
     * @return empty when there is no such run
     * @throws UserFacingException when it cannot be restarted, and why
     */
    public Optional<Restart> plan(long executionId) {
        Optional<JobRuns.JobRun> found = jobRuns.find(executionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JobRuns.JobRun run = found.get();
        if (!run.restartable()) {
            throw new UserFacingException("Run " + executionId + " cannot be restarted: it " + (run.running()
                    ? "is running now" : "completed, or a later run of the same " + run.job() + " has taken its place")
                    + ".");
        }
        if (run.period() != null) {
            PayPeriod period = PayPeriod.parse(run.period());
            return Optional.of(new Restart(run, "Pay run of " + period.id(), () -> closePeriod(period)));
        }
        if (run.file() != null && Files.isRegularFile(Path.of(run.file()))) {
            Path file = Path.of(run.file());
            return Optional.of(new Restart(run, "Import of " + run.subject(), () -> {
                ImportResult result = importer.importFile(file, LocalDate.now(clock), properties.outDir());
                return run.subject() + " imported: " + result.accepted() + " rows accepted, "
                        + result.rejectedTotal() + " rejected.";
            }));
        }
        throw new UserFacingException("Run " + executionId + " cannot be restarted here: the file it imported, "
                + run.subject() + ", is no longer where it was. Import the file again; what was imported of it is"
                + " kept.");
    }

    /** Pays the period (or finishes its unfinished run) as the command line does; says what it did. */
    public String closePeriod(PayPeriod period) {
        return periodClose.closePeriod(period, LocalDate.now(clock), properties.outDir()).periods().stream()
                .map(closed -> said(closed.run())).collect(Collectors.joining(" "));
    }

    /** What a run did, in a sentence. */
    static String said(PayRuns.Summary run) {
        if (!run.ran()) {
            return run.note() + ".";
        }
        return run.period().id() + " paid: " + run.payslips() + " payslips, gross " + Gbp.format(run.gross())
                + ", employer cost " + Gbp.format(run.employerCost())
                + (run.shiftsHeld() > 0 ? ", " + run.shiftsHeld() + " shifts held under the wage floor" : "") + ".";
    }
}
