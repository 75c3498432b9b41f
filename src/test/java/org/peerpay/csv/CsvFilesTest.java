package org.peerpay.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void readsQuotedCellsOverSeveralLinesWithinTheLimits() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.csv"), "a,b\r\n1,\"two\r\nlines\"\r\n2,\"x,\"\"y\"\"\"\r\n");

        try (CsvInput in = CsvInput.open(FileInspection.of(file), new CsvLimits(2, 100))) {
            assertThat(in.next()).containsExactly("1", "two\nlines");
            assertThat(in.rowNumber()).isEqualTo(2);
            assertThat(in.next()).containsExactly("2", "x,\"y\"");
            assertThat(in.next()).isNull();
        }
    }

    @Test
    void refusesOnlyTheRowOfAStrayQuoteAndReadsOnFromTheNextLine() throws Exception {
        Path file = Files.writeString(dir.resolve("stray.csv"), "a,b\n1,ok\n2,\"stray\n3,ok\n4,ok\n5,\"ok\"\n6,ok\n");

        try (CsvInput in = CsvInput.open(FileInspection.of(file), new CsvLimits(3, 1_000))) {
            assertThat(in.next()).containsExactly("1", "ok");
            assertThatThrownBy(in::next).isInstanceOf(CsvInput.MalformedRecordException.class)
                    .hasMessage("row 3 cannot be read as CSV: a quoted cell is not closed within 3 lines or 1000"
                            + " characters (check for a stray or unclosed quote); reading went on at the next line")
                    .extracting(e -> ((CsvInput.MalformedRecordException) e).rowNumber()).isEqualTo(3L);
            for (int n = 3; n <= 6; n++) {
                assertThat(in.next()).containsExactly(String.valueOf(n), "ok");
                assertThat(in.rowNumber()).isEqualTo(n + 1);
            }
            assertThat(in.next()).isNull();
        }
    }

    @Test
    void boundsARecordByCharactersAndALineWithNoEnd() throws Exception {
        Path file = Files.writeString(dir.resolve("long.csv"), "a,b\n1,\"" + "x".repeat(60) + "\n"
                + "y".repeat(60) + "\"\n2," + "z".repeat(500) + "\n3,ok");

        try (CsvInput in = CsvInput.open(FileInspection.of(file), new CsvLimits(20, 100))) {
            assertThatThrownBy(in::next).hasMessageContaining("row 2 cannot be read as CSV: a quoted cell is not"
                    + " closed within 20 lines or 100 characters");
            // read again from the next line: its stray closing quote is now an opening one, open to the end
            assertThatThrownBy(in::next).hasMessageContaining("row 3 cannot be read as CSV: a quoted cell is not"
                    + " closed within");
            assertThatThrownBy(in::next).hasMessageContaining("row 4 cannot be read as CSV: it is longer than 100"
                    + " characters");
            assertThat(in.next()).containsExactly("3", "ok");
            assertThat(in.rowNumber()).isEqualTo(5);
            assertThat(in.next()).isNull();
        }
    }
}
