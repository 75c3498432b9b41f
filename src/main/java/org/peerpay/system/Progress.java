package org.peerpay.system;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;

/**
 * Shows how far long work has gone: on a terminal a bar rewritten in place (at most five times a second) with the
 * count, the rate and the time left; otherwise a log line every five seconds. The part done is given in
 * thousandths, from whatever measures the work best (bytes of a file read, employments paid), so the time left
 * holds even when the count's total is not known in advance.
 */
public final class Progress {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);
    private static final boolean TERMINAL = System.console() != null;
    private static final long SHOW_EVERY = TERMINAL ? 200_000_000L : 5_000_000_000L;
    private static final int BAR = 24;

    /** How far each step shown by a Progress of this process has gone, by step execution id, while it runs. */
    private static final Map<Long, Live> LIVE = new ConcurrentHashMap<>();

    /** A step's progress as this process last saw it; {@code permille} -1 when not known. */
    public record Live(long done, int permille, String unit, long perSecond) {
    }

    private final String what;
    private final String unit;
    private final PrintStream terminal;
    private Long stepExecutionId;
    private final long started = System.nanoTime();
    private long lastShown = started;
    private boolean shown;

    /** @param unit what is counted, plural ("rows", "payslips") */
    public Progress(String what, String unit) {
        this(what, unit, TERMINAL ? System.err : null);
    }

    /**
     * The progress of a step that does its work in one piece (a tasklet), whose execution context is saved only at
     * its end: shown as any other, and kept for {@link #live} while it runs, so that the web's job runs can follow it.
     */
    public static Progress ofStep(StepExecution step, String unit) {
        Progress progress = new Progress(step.getStepName(), unit);
        progress.stepExecutionId = step.getId();
        return progress;
    }

    /** The progress of a step this process is running now, if it is shown by a {@link #ofStep} Progress. */
    public static Optional<Live> live(long stepExecutionId) {
        return Optional.ofNullable(LIVE.get(stepExecutionId));
    }

    Progress(String what, String unit, PrintStream terminal) {
        this.what = what;
        this.unit = unit;
        this.terminal = terminal;
    }

    /**
     * @param done      how many have been done
     * @param permille  the part of the work done, in thousandths (0 to 1000), or -1 when not known
     */
    public synchronized void update(long done, int permille) {
        long now = System.nanoTime();
        if (stepExecutionId != null) {
            long nanos = now - started;
            LIVE.put(stepExecutionId, new Live(done, permille, unit,
                    nanos < 1_000_000 ? 0 : done * 1_000_000_000L / nanos));
        }
        if (now - lastShown < SHOW_EVERY) {
            return;
        }
        lastShown = now;
        shown = true;
        String line = line(done, permille, now - started);
        if (terminal != null) {
            terminal.print("\r" + line + "   ");
            terminal.flush();
        } else {
            log.info(line);
        }
    }

    /** Ends the display: a terminal's bar is completed and its line ended. */
    public synchronized void end(long done) {
        if (stepExecutionId != null) {
            LIVE.remove(stepExecutionId);
        }
        if (shown && terminal != null) {
            terminal.println("\r" + line(done, 1000, System.nanoTime() - started) + "   ");
        }
    }

    String line(long done, int permille, long nanos) {
        long perSecond = nanos < 1_000_000 ? 0 : done * 1_000_000_000L / nanos;
        StringBuilder line = new StringBuilder(what).append(' ');
        if (permille >= 0) {
            int filled = Math.min(BAR, permille * BAR / 1000);
            line.append('[').append("#".repeat(filled)).append("-".repeat(BAR - filled)).append("] ")
                    .append(permille / 10).append("% ");
        }
        line.append("%,d %s, %,d a second".formatted(done, unit, perSecond));
        if (permille > 0 && permille < 1000) {
            long secondsLeft = (nanos * (1000 - permille) / permille + 500_000_000L) / 1_000_000_000L;
            line.append(", about ").append(secondsLeft < 60 ? secondsLeft + " s" : secondsLeft / 60 + " min")
                    .append(" left");
        }
        return line.toString();
    }
}
