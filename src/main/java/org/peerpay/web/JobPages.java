package org.peerpay.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.peerpay.audit.AuditLog;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.system.JobRuns;
import org.peerpay.system.PeerPayProperties;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.TimesheetImporter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The job runs, for finance staff: the work started from these pages and what it came to, and every run of the
 * batch jobs (from here, the command line or the nightly) with its step, progress and rate, refreshed every two
 * seconds while one runs (htmx; without JavaScript, by reloading). A run that did not finish is restarted from
 * here by the same use case that started it, which goes on from its last commit.
 */
@Controller
class JobPages {

    static final int SHOWN = 30;

    private final JobRuns jobRuns;
    private final BackgroundWork background;
    private final PayPages payPages;
    private final TimesheetImporter importer;
    private final PeerPayProperties properties;
    private final Clock clock;
    private final AuditLog audit;

    JobPages(JobRuns jobRuns, BackgroundWork background, PayPages payPages, TimesheetImporter importer,
             PeerPayProperties properties, Clock clock, AuditLog audit) {
        this.jobRuns = jobRuns;
        this.background = background;
        this.payPages = payPages;
        this.importer = importer;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    @GetMapping("/finance/jobs")
    String jobs(Model model) {
        runs(model);
        return "finance/jobs";
    }

    /** The part of the page that follows the runs: asked for every two seconds while anything runs. */
    @GetMapping("/finance/jobs/runs")
    String runs(Model model) {
        List<JobRuns.JobRun> runs = jobRuns.recent(SHOWN);
        model.addAttribute("tasks", background.tasks());
        model.addAttribute("runs", runs);
        model.addAttribute("live", background.anyOngoing() || jobRuns.anyRunning(runs));
        return "finance/jobs :: runs";
    }

    @PostMapping("/finance/jobs/{id}/restart")
    String restart(@PathVariable long id, Principal principal, HttpServletRequest request, Model model,
                   RedirectAttributes redirect) {
        JobRuns.JobRun run = jobRuns.find(id).orElseThrow(NotFound::new);
        if (!run.restartable()) {
            return problem(model, "Run " + id + " cannot be restarted: it " + (run.running() ? "is running now"
                    : "completed, or a later run of the same " + run.job() + " has taken its place") + ".");
        }
        if (run.period() != null) {
            payPages.startPayRun(PayPeriod.parse(run.period()), principal.getName());
        } else if (run.file() != null && Files.isRegularFile(Path.of(run.file()))) {
            Path file = Path.of(run.file());
            background.start("Import of " + run.subject(), principal.getName(), () -> {
                ImportResult result = importer.importFile(file, LocalDate.now(clock), properties.outDir());
                return run.subject() + " imported: " + result.accepted() + " rows accepted, "
                        + result.rejectedTotal() + " rejected.";
            });
        } else {
            return problem(model, "Run " + id + " cannot be restarted here: the file it imported, " + run.subject()
                    + ", is no longer where it was. Upload the file again; what was imported of it is kept.");
        }
        audit.record(principal.getName(), "restarted a job run", run.job() + " run " + id + " (" + run.subject()
                + ")", request.getRemoteAddr());
        redirect.addFlashAttribute("started", "Run " + id + " (" + run.job() + " of " + run.subject()
                + ") is restarting from its last commit.");
        return "redirect:/finance/jobs";
    }

    private String problem(Model model, String message) {
        model.addAttribute("problem", message);
        return jobs(model);
    }
}
