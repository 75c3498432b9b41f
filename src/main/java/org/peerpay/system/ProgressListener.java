package org.peerpay.system;

import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;

/**
 * Shows a chunked step's progress: on a terminal a line rewritten in place, otherwise a log line at most every
 * ten seconds, each with the count so far and the rate.
 */
public class ProgressListener implements ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);
    private static final boolean TERMINAL = System.console() != null;

    private final String step;
    private final String what;
    private final ToLongFunction<StepExecution> done;
    private long lastShown;

    /** @param done how many things the step has done so far */
    public ProgressListener(String step, String what, ToLongFunction<StepExecution> done) {
        this.step = step;
        this.what = what;
        this.done = done;
    }

    @Override
    public void afterChunk(ChunkContext context) {
        StepExecution execution = context.getStepContext().getStepExecution();
        long now = System.nanoTime();
        if (now - lastShown < (TERMINAL ? 500_000_000L : 10_000_000_000L)) {
            return;
        }
        lastShown = now;
        long count = done.applyAsLong(execution);
        long seconds = java.time.Duration.between(execution.getStartTime(), java.time.LocalDateTime.now()).toSeconds();
        String line = "%s: %,d %s%s".formatted(step, count, what,
                seconds > 0 ? " (%,d a second)".formatted(count / seconds) : "");
        if (TERMINAL) {
            System.err.print("\r" + line + "   ");
            System.err.flush();
        } else {
            log.info(line);
        }
    }
}
