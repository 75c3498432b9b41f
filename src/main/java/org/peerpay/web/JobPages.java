package org.peerpay.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.peerpay.operations.NightlyRuns;
import org.peerpay.system.JobRuns;
import org.peerpay.system.UserFacingException;
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
    private final Actions actions;
    private final NightlyRuns nightlyRuns;

    JobPages(JobRuns jobRuns, BackgroundWork background, Actions actions, NightlyRuns nightlyRuns) {
        this.jobRuns = jobRuns;
        this.background = background;
        this.actions = actions;
        this.nightlyRuns = nightlyRuns;
    }

    @GetMapping("/finance/jobs")
    String jobs(Model model) {
        runs(model);
        model.addAttribute("nextNightly", nightlyRuns.next());
        model.addAttribute("nightlyRuns", nightlyRuns.recent());
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
        try {
            actions.restart(id, actions.who(principal, request));
        } catch (UserFacingException refused) {
            model.addAttribute("problem", refused.getMessage());
            return jobs(model);
        }
        redirect.addFlashAttribute("started", "Run " + id + " is restarting from its last commit.");
        return "redirect:/finance/jobs";
    }
}
