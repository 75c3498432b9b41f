package org.peerpay.system;

import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private final String what;
    private final String unit;
    private final PrintStream terminal;
    private final long started = System.nanoTime();
    private long lastShown = started;
    private boolean shown;

    /** @param unit what is counted, plural ("rows", "payslips") */
    public Progress(String what, String unit) {
        this(what, unit, TERMINAL ? System.err : null);
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
