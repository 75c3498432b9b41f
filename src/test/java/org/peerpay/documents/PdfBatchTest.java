package org.peerpay.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A batch of documents: each written once, the count told after each, the first failure thrown as it was. */
class PdfBatchTest {

    @Test
    void writesEachDocumentOnceAndCountsThemAll() {
        List<Integer> documents = IntStream.rangeClosed(1, 500).boxed().toList();
        Set<Integer> written = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger highest = new AtomicInteger();

        PdfBatch.writeAll(documents, document -> assertThat(written.add(document)).isTrue(), n -> {
            calls.incrementAndGet();
            highest.accumulateAndGet(n, Math::max);
        });

        assertThat(written).hasSize(500);
        assertThat(calls).hasValue(500);
        assertThat(highest).hasValue(500);
    }

    @Test
    void throwsTheFailureOfTheDocumentThatFailed() {
        assertThatThrownBy(() -> PdfBatch.writeAll(List.of("SU1", "SU2", "SU3"), ref -> {
            if (ref.equals("SU2")) {
                throw new IllegalStateException("Could not write the statement of SU2: disk full");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("Could not write the statement of SU2: disk full");
    }
}
