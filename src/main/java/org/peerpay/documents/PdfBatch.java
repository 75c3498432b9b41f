package org.peerpay.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Writes a batch of documents, one file each, on as many threads as there are processors (at most four): a PDF is
 * laid out and compressed in the JVM, so a batch of thousands is CPU-bound and each file stands alone. The first
 * document that fails stops the batch, and its failure (which says which document and why) is what is thrown.
 */
public final class PdfBatch {

    private static final int MOST_THREADS = 4;

    private PdfBatch() {
    }

    /** As {@link #writeAll(List, Consumer, IntConsumer)}, telling no one how far it has got. */
    public static <T> void writeAll(List<T> documents, Consumer<T> write) {
        writeAll(documents, write, written -> {
        });
    }

    /**
     * @param write   writes one document
     * @param written told how many are written so far, after each
     */
    public static <T> void writeAll(List<T> documents, Consumer<T> write, IntConsumer written) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), MOST_THREADS));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            AtomicInteger count = new AtomicInteger();
            for (T document : documents) {
                done.add(pool.submit(() -> {
                    write.accept(document);
                    written.accept(count.incrementAndGet());
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing documents", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("Could not write a document: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
