package org.peerpay.system;

import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Shows a chunked step's {@link Progress} after each chunk, and keeps how far it has gone in the step's execution
 * context (saved with the next chunk and at the step's end), where {@link JobRuns} reads it for the web's live
 * progress. (Spring Batch 6's chunk-oriented step calls
 * {@code afterChunk(Chunk)}, not the {@code afterChunk(ChunkContext)} of earlier versions, so the step's execution
 * is taken when it starts.)
 */
public class ProgressListener implements ChunkListener<Object, Object>, StepExecutionListener {

    static final String DONE = "progress.done";
    static final String PERMILLE = "progress.permille";
    static final String UNIT = "progress.unit";

    private final String unit;
    private final boolean shown;
    private final ToLongFunction<StepExecution> done;
    private final ToIntFunction<StepExecution> permille;
    private StepExecution execution;
    private Progress progress;

    /**
     * @param done     how many the step has done so far
     * @param permille the part of its work done, in thousandths, or -1 when not known
     */
    public ProgressListener(String unit, ToLongFunction<StepExecution> done, ToIntFunction<StepExecution> permille) {
        this(unit, done, permille, true);
    }

    private ProgressListener(String unit, ToLongFunction<StepExecution> done, ToIntFunction<StepExecution> permille,
                             boolean shown) {
        this.shown = shown;
        this.unit = unit;
        this.done = done;
        this.permille = permille;
    }

    /**
     * Keeps a step's progress in its execution context only, for one partition of a partitioned step (one instance
     * per partition: step-scoped): partitions running at once would garble a shared bar, and {@link JobRuns} adds
     * up the partitions' progress for the step.
     */
    public static ProgressListener recordOnly(String unit, ToLongFunction<StepExecution> done,
                                              ToIntFunction<StepExecution> permille) {
        return new ProgressListener(unit, done, permille, false);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        execution = stepExecution;
        progress = shown ? new Progress(stepExecution.getStepName(), unit) : null;
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        long doneNow = done.applyAsLong(execution);
        int permilleNow = Math.min(1000, permille.applyAsInt(execution));
        if (progress != null) {
            progress.update(doneNow, permilleNow);
        }
        record(execution, doneNow, permilleNow);
    }

    private void record(StepExecution step, long doneNow, int permilleNow) {
        step.getExecutionContext().putLong(DONE, doneNow);
        step.getExecutionContext().putInt(PERMILLE, permilleNow);
        step.getExecutionContext().putString(UNIT, unit);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long doneNow = done.applyAsLong(stepExecution);
        if (progress != null) {
            progress.end(doneNow);
        }
        stepExecution.getExecutionContext().putLong(DONE, doneNow);
        return stepExecution.getExitStatus();
    }
}
