package org.peerpay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PayRunReportTest {

    @Test
    void aLongListOfReferencesIsCutToTenAndACount() {
        List<String> refs = IntStream.rangeClosed(1, 4000).mapToObj(i -> String.format("SU%04d", i)).toList();

        assertThat(PayRunReport.listed(refs)).isEqualTo("SU0001, SU0002, SU0003, SU0004, SU0005, SU0006, SU0007,"
                + " SU0008, SU0009, SU0010 and 3,990 more");
        assertThat(PayRunReport.listed(refs.subList(0, 3))).isEqualTo("SU0001, SU0002, SU0003");
    }
}
