package org.peerpay.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.support.CouncilTest;
import org.peerpay.support.SmallCouncil;
import org.peerpay.timesheets.ImportResult;
import org.peerpay.timesheets.RejectReason;

/**
 * A corpus of hostile timesheet files, each with the outcome it must have: refused whole with a message that says
 * what the file is and what to do, or imported with exactly the rows that are shifts and each other row rejected
 * with its reason. None leaves anything half-imported, none stops the next file from being imported.
 */
class HostileFilesTests extends CouncilTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    static final String HEADER = SmallCouncil.TIMESHEET_HEADER;
    static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** A file's bytes and what importing it must do. */
    record Hostile(String name, byte[] bytes, Expected expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    sealed interface Expected permits Refused, Imported {
    }

    /** Refused whole, saying this. */
    record Refused(String says) implements Expected {
    }

    /** Imported: rows read, accepted, rejected by reason, and anything else to check of the result. */
    record Imported(int rowsRead, int accepted, Map<RejectReason, Integer> rejected, Consumer<ImportResult> also)
            implements Expected {
    }

    static Stream<Hostile> corpus() {
        return Stream.of(
                new Hostile("byte-order-mark.csv", bytes(UTF8_BOM, HEADER + shift(2) + shift(3)),
                        imported(2, 2, Map.of())),
                new Hostile("two-exports-joined.csv", bytes(UTF8_BOM, HEADER + shift(2), UTF8_BOM, HEADER + shift(3)),
                        imported(3, 2, Map.of(RejectReason.MALFORMED, 1),
                        result -> assertThat(rejectsFile(result)).contains("repeats the header row"))),
                new Hostile("windows-1252.csv", (HEADER + shift(2).replace("walk", "caf\u00e9"))
                        .getBytes(java.nio.charset.Charset.forName("windows-1252")), imported(1, 1, Map.of())),
                new Hostile("invalid-utf-8-in-a-utf-8-file.csv", bytes(HEADER + shift(2).replace("walk", "caf\u00e9")
                        + shift(3).replace("walk,\n", "bad "), new byte[] {(byte) 0xC3, 0x28}, ",\n" + shift(4)),
                        imported(3, 2, Map.of(RejectReason.MALFORMED, 1))),
                new Hostile("utf-16.csv", bytes(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        (HEADER + shift(2)).getBytes(StandardCharsets.UTF_16LE)), refused("UTF-16")),
                new Hostile("binary.csv", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0},
                        refused("binary data")),
                new Hostile("workbook.xlsx.csv", new byte[] {0x50, 0x4B, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0},
                        refused("an Excel workbook (.xlsx)")),
                new Hostile("empty.csv", new byte[0], refused("is empty")),
                new Hostile("header-only.csv", bytes(HEADER), refused("has a header row but no shifts")),
                new Hostile("ragged.csv", bytes(HEADER + "M1,SU1,2026-11-02\n" + shift(3) + "M1,SU1,2026-11-04,10:00,"
                        + "11:00,0,walk,notes,extra,cells\n" + shift(5)),
                        imported(4, 2, Map.of(RejectReason.MALFORMED, 2))),
                new Hostile("unclosed-quote.csv", bytes(HEADER + shift(2) + shift(3).replace("walk,", "walk,\"open")
                        + shift(4)), imported(3, 2, Map.of(RejectReason.MALFORMED, 1))),
                new Hostile("quoted-newlines.csv", bytes(HEADER + shift(2).replace("walk,", "walk,\"line one\nline two\"")
                        + shift(3)), imported(2, 2, Map.of())),
                new Hostile("one-megabyte-field.csv", bytes(HEADER + shift(2) + shift(3).replace("walk,",
                        "walk," + "x".repeat(1 << 20)) + shift(4)), imported(3, 2, Map.of(RejectReason.MALFORMED, 1))),
                new Hostile("ten-thousand-columns.csv", bytes(HEADER.strip() + extraColumns(10_000) + "\n"
                        + shift(2).strip() + ",".repeat(10_000) + "\n"), imported(1, 1, Map.of(),
                        result -> assertThat(result.warnings()).hasSize(1))),
                new Hostile("a-million-blank-lines.csv", bytes(HEADER + shift(2) + "\n".repeat(1_000_000) + shift(3)),
                        imported(2, 2, Map.of())),
                new Hostile("31-february.csv", bytes(HEADER + "M1,SU1,31/02/2026,10:00,11:00,0,walk,\n" + shift(3)),
                        imported(2, 1, Map.of(RejectReason.BAD_DATE, 1))),
                new Hostile("both-clock-changes.csv", bytes(HEADER
                        + "M1,SU1,2026-03-29,00:30,03:30,0,walk,spring forward: two hours worked\n"
                        + "M1,SU1,2026-10-25,00:30,03:30,0,walk,fall back: four hours worked\n"),
                        imported(2, 2, Map.of())),
                new Hostile("formula.csv", bytes(HEADER + "=HYPERLINK(\"http://x\"),SU1,2026-11-02,10:00,11:00,0,walk,\n"
                        + shift(3)), imported(2, 1, Map.of(RejectReason.UNKNOWN_MENTOR, 1))));
    }

    @BeforeEach
    void givenASmallCouncilWithAnEmploymentFromMarch2026() throws Exception {
        Path reference = SmallCouncil.writeReference(dir.resolve("reference"));
        Files.writeString(reference.resolve("employments.csv"),
                "E9,SU1,M1,2026-03-01,2026-04-05,15.00,four-weekly,1257L,false,A,rolled-up,assess\n",
                StandardOpenOption.APPEND);
        this.reference.load(reference);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachHostileFileHasItsOutcomeLeavesNothingHalfImportedAndTheNextFileIsImported(Hostile hostile)
            throws Exception {
        Path file = Files.write(dir.resolve(hostile.name()), hostile.bytes());

        if (hostile.expected() instanceof Refused refused) {
            assertThatThrownBy(() -> importer.importFile(file, AS_OF, OUT))
                    .isInstanceOf(CsvFileRefusedException.class).hasMessageContaining(hostile.name())
                    .hasMessageContaining(refused.says());
            assertThat(count("timesheet_import")).as("a refused file is not recorded").isZero();
        } else if (hostile.expected() instanceof Imported imported) {
            ImportResult result = importer.importFile(file, AS_OF, OUT);
            assertThat(result.rowsRead()).as("rows read").isEqualTo(imported.rowsRead());
            assertThat(result.accepted()).as("accepted").isEqualTo(imported.accepted());
            assertThat(result.rejected()).as("rejected").isEqualTo(imported.rejected());
            assertThat(count("imported_timesheet_line")).isEqualTo(imported.accepted());
            imported.also().accept(result);
        }
        assertThat(count("timesheet_line") - count("imported_timesheet_line")).as("half-imported lines").isZero();
        assertThat(count("timesheet_import where status <> 'COMPLETED'")).as("unfinished imports").isZero();

        ImportResult next = importer.importFile(SmallCouncil.write(dir.resolve("next.csv"), HEADER
                + "M2,SU1,2026-11-20,18:00,19:00,0,walk,the next file\n"), AS_OF, OUT);
        assertThat(next.accepted()).isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void shiftsAcrossBothClockChangesOf2026ArePaidTheHoursActuallyWorked() throws Exception {
        importer.importFile(Files.write(dir.resolve("clocks.csv"), corpus().filter(h -> h.name()
                .equals("both-clock-changes.csv")).findFirst().orElseThrow().bytes()), AS_OF, OUT);

        assertThat(jdbc.queryForList("select work_date || ' ' || minutes from timesheet_line order by work_date",
                String.class)).containsExactly("2026-03-29 120", "2026-10-25 240");
    }

    private int count(String from) {
        return jdbc.queryForObject("select count(*) from " + from, Integer.class);
    }

    /** A good shift of M1 for SU1 on a day of November 2026, 10:00 to 11:00. */
    static String shift(int day) {
        return "M1,SU1,2026-11-%02d,10:00,11:00,0,walk,\n".formatted(day);
    }

    static Imported imported(int rowsRead, int accepted, Map<RejectReason, Integer> rejected) {
        return imported(rowsRead, accepted, rejected, result -> { });
    }

    static Imported imported(int rowsRead, int accepted, Map<RejectReason, Integer> rejected,
                             Consumer<ImportResult> also) {
        return new Imported(rowsRead, accepted, rejected, also);
    }

    static String extraColumns(int n) {
        StringBuilder columns = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            columns.append(",extra").append(i);
        }
        return columns.toString();
    }

    static String rejectsFile(ImportResult result) {
        try {
            return Files.readString(result.rejectsFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Refused refused(String says) {
        return new Refused(says);
    }

    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] b ? b : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
