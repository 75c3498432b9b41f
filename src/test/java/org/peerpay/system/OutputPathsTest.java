package org.peerpay.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputPathsTest {

    static final Path OUT = Path.of("/srv/peerpay/out");

    @ParameterizedTest
    @ValueSource(strings = {"../../../../ESCAPED-SU", "/etc/cron.d", "..", ".", "", "a/../../b", "SU001/../..",
            "C:\\Windows", "con\u0000trol", "~root"})
    void keepsEveryPathUnderTheOutputDirectoryWhateverTheName(String ref) {
        Path path = OutputPaths.under(OUT, "payslips", "2026-27/4W08", ref, "M001.pdf");

        assertThat(path).startsWithRaw(OUT.resolve("payslips/2026-27/4W08"));
        assertThat(path.getNameCount()).isEqualTo(OUT.getNameCount() + 5);
        assertThat(path.getParent().getFileName().toString()).matches("[A-Za-z0-9_-]+-[0-9a-f]{12}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SU001", "SYN-S000042", "E_12", "payslips.csv", "week 47 (fixed).csv"})
    void leavesPlainNamesAsTheyAre(String name) {
        assertThat(OutputPaths.name(name)).isEqualTo(name);
        assertThat(OutputPaths.under(OUT, "statements", "2026-27/4W08", name)).isEqualTo(
                OUT.resolve("statements/2026-27/4W08/" + name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SU001", "M-7", "E_0001", "A"})
    void safeRefsAreLettersDigitsHyphensAndUnderscores(String ref) {
        assertThat(OutputPaths.SAFE_REF.matcher(ref).matches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../SU1", "/SU1", "SU 1", "-SU1", "SU1.", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "SU1/x"})
    void unsafeRefsAreNot(String ref) {
        assertThat(OutputPaths.SAFE_REF.matcher(ref).matches()).isFalse();
    }
}
