package org.peerpay.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFilesTest {

    @TempDir
    Path dir;

    @Test
    void tellsUtf8WithAndWithoutBomFromWindows1252() throws Exception {
        Path bom = Files.write(dir.resolve("bom.csv"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'});
        Path utf8 = Files.writeString(dir.resolve("utf8.csv"), "café £5", StandardCharsets.UTF_8);
        Path ansi = Files.writeString(dir.resolve("ansi.csv"), "café £5", Charset.forName("windows-1252"));
        Path ascii = Files.writeString(dir.resolve("ascii.csv"), "a,b\n", StandardCharsets.US_ASCII);

        assertThat(FileInspection.of(bom)).extracting(FileInspection::hasBom, FileInspection::charset)
                .containsExactly(true, StandardCharsets.UTF_8);
        assertThat(FileInspection.of(utf8).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(FileInspection.of(ansi).charset()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(FileInspection.of(ascii).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(FileInspection.of(ascii).sha256()).isEqualTo("5be08c9684a1d25efcee09318204824278b08bbfb4aef973ffefd0b9d7478313");
    }

    @Test
    void findsUtf8ThatIsOnlyInvalidAfterTheFirstBuffer() throws Exception {
        byte[] bytes = new byte[70_000];
        java.util.Arrays.fill(bytes, (byte) 'a');
        bytes[69_999] = (byte) 0xA3; // £ in Windows-1252, invalid alone in UTF-8
        Path file = Files.write(dir.resolve("late.csv"), bytes);

        assertThat(FileInspection.of(file).charset()).isEqualTo(Charset.forName("windows-1252"));
    }

    @Test
    void writesSpreadsheetSafeCellsAndOnlyWholeFiles() throws Exception {
        Path file = dir.resolve("out/report.csv");
        try (CsvOutput out = CsvOutput.create(file, "name", "note", "amount")) {
            out.row("=SUM(A1:A9)", "said \"hi\", then left", new java.math.BigDecimal("-12.50"));
            out.row("+44 113", "@home\nnext line", null);
            out.row("-264.87", "-2+3", "-1e5");
            assertThat(file).doesNotExist();
            out.commit();
        }

        assertThat(Files.readString(file)).isEqualTo("\uFEFFname,note,amount\r\n"
                + "'=SUM(A1:A9),\"said \"\"hi\"\", then left\",-12.50\r\n"
                + "'+44 113,\"'@home\nnext line\",\r\n"
                // a negative amount passed as text is a number, not a formula; anything else after '-' is neutralised
                + "-264.87,'-2+3,'-1e5\r\n");
    }

    @Test
    void leavesNothingBehindWhenAFileIsNotFinished() {
        Path file = dir.resolve("half.csv");
        try (CsvOutput out = CsvOutput.create(file, "a")) {
            out.row("1");
        }

        assertThat(file).doesNotExist();
        assertThat(dir.resolve("half.csv.partial")).doesNotExist();
    }
}
