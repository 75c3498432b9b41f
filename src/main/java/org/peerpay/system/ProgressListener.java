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
    private final ToLongFunction<StepExecution> done;
    private final ToIntFunction<StepExecution> permille;
    private StepExecution execution;
    private Progress progress;

    /**
     * @param done     how many the step has done so far
     * @param permille the part of its work done, in thousandths, or -1 when not known
     */
    public ProgressListener(String unit, ToLongFunction<StepExecution> done, ToIntFunction<StepExecution> permille) {
        this.unit = unit;
        this.done = done;
        this.permille = permille;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        execution = stepExecution;
        progress = new Progress(stepExecution.getStepName(), unit);
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        long doneNow = done.applyAsLong(execution);
        int permilleNow = Math.min(1000, permille.applyAsInt(execution));
        progress.update(doneNow, permilleNow);
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
        progress.end(doneNow);
        stepExecution.getExecutionContext().putLong(DONE, doneNow);
        return stepExecution.getExitStatus();
    }
}
