package org.peerpay.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.peerpay.operations.JobRestarts;
import org.peerpay.system.JobRuns;
import org.peerpay.system.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "jobs", mixinStandardHelpOptions = true,
        description = "List the runs of the batch jobs (imports and pay runs), newest first, with their state, step"
                + " and progress. A run left running by a process that died is marked failed when PeerPay starts.",
        subcommands = {JobsCommand.Restart.class})
class JobsCommand extends CliCommand {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss", Locale.UK);

    @Option(names = "--last", paramLabel = "N", description = "how many runs (default: 20)")
    int last = 20;

    @Override
    public Integer call() {
        List<JobRuns.JobRun> runs = bean(JobRuns.class).recent(last);
        PrintWriter print = out();
        if (runs.isEmpty()) {
            print.println("No job has run yet.");
            return 0;
        }
        print.printf("%6s  %-17s  %-32s  %-10s  %-34s  %s%n", "run", "job", "of", "state", "step", "progress");
        for (JobRuns.JobRun run : runs) {
            print.printf("%6d  %-17s  %-32s  %-10s  %-34s  %s%n", run.id(), run.job(), run.subject(),
                    state(run), run.step() == null ? "" : (run.stepNumber() > 0 ? run.stepNumber() + " of "
                            + run.steps() + ": " : "") + run.step(), progress(run));
            if (run.failure() != null) {
                print.printf("%6s  %s%n", "", run.failure());
            }
        }
        if (runs.stream().anyMatch(JobRuns.JobRun::restartable)) {
            print.println();
            print.println("Restart an unfinished run with: peerpay jobs restart RUN");
        }
        return 0;
    }

    private static String state(JobRuns.JobRun run) {
        if (run.status().isRunning()) {
            return run.restartable() ? "unfinished" : "running";
        }
        return run.status().name().toLowerCase(Locale.UK);
    }

    private static String progress(JobRuns.JobRun run) {
        String started = run.started() == null ? "" : "started " + WHEN.format(run.started()
                .atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneId.of("Europe/London")));
        String part = run.permille() >= 0 ? run.permille() / 10 + "%" : "";
        String count = run.unit() == null ? "" : String.format(Locale.UK, "%,d %s, %,d a second", run.done(),
                run.unit(), run.perSecond());
        return String.join(", ", java.util.stream.Stream.of(part, count, started).filter(s -> !s.isEmpty())
                .toList());
    }

    @Command(name = "restart", mixinStandardHelpOptions = true,
            description = "Restart a run that failed, stopped, or was left by a process that died: the same import"
                    + " or pay run goes on from its last commit (nothing is imported or paid twice).")
    static class Restart extends CliCommand {

        @Parameters(paramLabel = "RUN", description = "the run's number, from peerpay jobs")
        long id;

        @Override
        public Integer call() {
            JobRestarts.Restart restart = bean(JobRestarts.class).plan(id).orElseThrow(() ->
                    new UserFacingException("There is no run " + id + ": see peerpay jobs for the runs."));
            out().println(restart.what() + " (run " + id + "): restarting from its last commit");
            out().flush();
            out().println(restart.work().get());
            return 0;
        }
    }
}
