package org.peerpay.timesheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.peerpay.support.SmallCouncil.TIMESHEET_HEADER;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.peerpay.csv.CsvFileRefusedException;
import org.peerpay.reference.ReferenceDataLoader;
import org.peerpay.support.DatabaseTest;
import org.peerpay.support.SmallCouncil;
import org.peerpay.system.JobFailedException;
import org.peerpay.wagefloor.WageFloors;
import org.springframework.beans.factory.annotation.Autowired;

class TimesheetImportJobTests extends DatabaseTest {

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

    @Autowired
    TimesheetImporter importer;
    @Autowired
    ReferenceDataLoader referenceLoader;
    @Autowired
    WageFloors wageFloors;

    @TempDir
    Path dir;

    @BeforeEach
    void givenASmallCouncil() {
        wageFloors.reload();
        referenceLoader.load(SmallCouncil.writeReference(dir.resolve("reference")));
    }

    ImportResult importCsv(String name, String content) {
        return importer.importFile(SmallCouncil.write(dir.resolve(name), content), AS_OF, OUT);
    }

    Map<Integer, String> rejectedRows(long importId) {
        Map<Integer, String> rows = new TreeMap<>();
        jdbc.query("select source_row, reason from timesheet_reject where import_id = ?",
                rs -> {
                    rows.put(rs.getInt(1), rs.getString(2));
                }, importId);
        return rows;
    }

    List<Map<String, Object>> lines() {
        return jdbc.queryForList("""
                select m.ref as mentor, su.ref as service_user, e.ref as employment, t.work_date, t.starts_at, t.ends_at,
                       t.break_minutes, t.minutes, t.activity, t.notes, t.source_row
                from timesheet_line t join employment e on e.id = t.employment_id
                join mentor m on m.id = t.mentor_id join service_user su on su.id = t.service_user_id
                order by t.import_id, t.source_row
                """);
    }

    @Test
    void acceptsGoodRowsAndRejectsEveryReasonCodeWithItsRowNumber() {
        ImportResult result = importCsv("mixed.csv", TIMESHEET_HEADER + """
                M1,SU1,2026-11-02,10:00,13:15,15,appointment,good
                M1,SU1,2026-11-03,10:00,12:00,0,walk,"too",many,cells
                M1,,2026-11-03,10:00,12:00,0,walk,blank service user
                M1,SU1,2026-13-01,10:00,12:00,0,walk,no 13th month
                M1,SU1,2026-11-04,9.30,12:00,0,walk,dot not colon
                M1,SU1,2026-11-05,10:00,10:30,30,walk,break eats the shift
                M1,SU1,2026-11-06,07:00,20:00,0,walk,13 hours
                M1,SU1,2026-11-24,10:00,12:00,0,walk,tomorrow
                M9,SU1,2026-11-07,10:00,12:00,0,walk,who
                M1,SU9,2026-11-07,10:00,12:00,0,walk,whom
                M2,SU2,2026-11-07,10:00,12:00,0,walk,after E4 ended
                M1,SU1,2026-11-02,10:00,13:15,0,appointment,same shift again
                M1,SU2,2026-11-02,12:00,14:00,0,shopping,overlaps row 2 at another employer
                M1,SU2,2026-11-02,14:00,16:00,0,shopping,good: starts as the other ends
                """);

        assertThat(rejectedRows(result.importId())).containsExactly(
                entry(3, "MALFORMED"), entry(4, "MALFORMED"), entry(5, "BAD_DATE"), entry(6, "BAD_TIME"),
                entry(7, "NOT_POSITIVE"), entry(8, "TOO_LONG"), entry(9, "FUTURE_DATE"), entry(10, "UNKNOWN_MENTOR"),
                entry(11, "UNKNOWN_SERVICE_USER"), entry(12, "NO_EMPLOYMENT"), entry(13, "DUPLICATE"),
                entry(14, "OVERLAP"));
        assertThat(result.rowsRead()).isEqualTo(14);
        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.rejectedTotal()).isEqualTo(12);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(lines()).extracting(line -> line.get("source_row")).containsExactly(2, 15);
        assertThat(lines().get(0)).containsEntry("minutes", 180).containsEntry("employment", "E1");
    }

    @Test
    void writesRejectedRowsAsSentWithReasonsSoTheyCanBeCorrectedAndImportedAgain() throws Exception {
        ImportResult result = importCsv("week.csv", TIMESHEET_HEADER + """
                M1,SU1,2026-11-02,10:00,12:00,0,walk,fine
                M9,SU1,02/11/2026,13:00,14:00,,walk,"=HYPERLINK(""x"")"
                """);

        Path rejects = OUT.resolve("imports/week.csv.rejects.csv");
        assertThat(result.rejectsFile()).isEqualTo(rejects);
        String text = Files.readString(rejects, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFmentor_ref,service_user_ref,date,start,end,break_minutes,activity,notes,"
                + "source_row,reason,detail\r\n");
        assertThat(text).contains("M9,SU1,02/11/2026,13:00,14:00,,walk,\"'=HYPERLINK(\"\"x\"\")\",3,UNKNOWN_MENTOR,"
                + "\"mentor M9 is not in the reference data");

        String corrected = text.replace("M9,", "M1,");
        ImportResult again = importer.importFile(SmallCouncil.write(dir.resolve("week-fixed.csv"), corrected.substring(1)),
                AS_OF, OUT);
        assertThat(again.accepted()).isEqualTo(1);
        assertThat(again.rejectedTotal()).isZero();
        assertThat(again.warnings()).isEmpty();
    }

    @Test
    void keepsEveryCellOfARowWithMoreCellsThanTheHeaderInTheRejectsFile() throws Exception {
        ImportResult result = importCsv("commas.csv", TIMESHEET_HEADER
                + "M1,SU1,2026-11-02,10:00,12:00,0,shopping, then the cafe,paid \"cash\",back\\slash\n");

        assertThat(rejectedRows(result.importId())).containsExactly(entry(2, "MALFORMED"));
        assertThat(Files.readAllLines(OUT.resolve("imports/commas.csv.rejects.csv"))).last().asString()
                .startsWith("M1,SU1,2026-11-02,10:00,12:00,0,shopping,then the cafe,2,MALFORMED,")
                .endsWith(",\"paid \"\"cash\"\"\",back\\slash");
    }

    @Test
    void readsExcelFilesWithByteOrderMarkCrlfAndUkDates() {
        ImportResult result = importer.importFile(SmallCouncil.write(dir.resolve("excel.csv"),
                "Mentor_Ref,Service_User_Ref,Date,Start,End,Break_Minutes,Activity,Notes\r\n"
                        + "M1,SU1,02/11/2026,10:00,12:00,0,café,\"£4.20 bus, then lunch\r\nand a chat\"\r\n"
                        + "M1,SU1,09/11/2026,10:00,12:00,0,walk,\r\n", StandardCharsets.UTF_8, true), AS_OF, OUT);

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(lines()).extracting(line -> line.get("work_date").toString())
                .containsExactly("2026-11-02", "2026-11-09");
        assertThat(lines().get(0)).containsEntry("activity", "café")
                .as("a line break inside a cell is kept, as a plain newline")
                .containsEntry("notes", "£4.20 bus, then lunch\nand a chat");
    }

    @Test
    void readsWindows1252FilesAsExcelSavesThem() {
        ImportResult result = importer.importFile(SmallCouncil.write(dir.resolve("ansi.csv"), TIMESHEET_HEADER
                + "M1,SU1,2026-11-02,10:00,12:00,0,walk,met at the café and paid £3.10\r\n",
                Charset.forName("windows-1252"), false), AS_OF, OUT);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(lines().get(0)).containsEntry("notes", "met at the café and paid £3.10");
    }

    @Test
    void readsHeadersInAnyOrderAndCaseAndWarnsOfUnknownColumns() {
        ImportResult result = importCsv("shuffled.csv", """
                END,start,Signed By,DATE,Service_User_Ref,MENTOR_REF
                12:00,10:00,SU,2026-11-02,SU1,M1
                """);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.warnings()).containsExactly("shuffled.csv: column 'signed_by' is not a timesheet column"
                + " and was ignored");
        assertThat(lines().get(0)).containsEntry("minutes", 120).containsEntry("break_minutes", 0);
    }

    @Test
    void countsAShiftThatEndsBeforeItStartsAsCrossingMidnight() {
        importCsv("night.csv", TIMESHEET_HEADER + "M1,SU1,2026-11-02,21:30,00:45,15,community,event\n");

        assertThat(lines().get(0)).containsEntry("minutes", 180)
                .containsEntry("ends_at", java.sql.Timestamp.valueOf("2026-11-03 00:45:00"));
    }

    @Test
    void reimportingTheSameFileIsANoOpThatSaysSo() {
        String content = TIMESHEET_HEADER + "M1,SU1,2026-11-02,10:00,12:00,0,walk,\n";
        ImportResult first = importCsv("a.csv", content);
        ImportResult second = importCsv("a-copy.csv", content);

        assertThat(first.alreadyImported()).isFalse();
        assertThat(second.alreadyImported()).isTrue();
        assertThat(second.importId()).isEqualTo(first.importId());
        assertThat(lines()).hasSize(1);
    }

    @Test
    void rejectsARowIdenticalToOneImportedFromAnotherFileAsDuplicate() {
        importCsv("first.csv", TIMESHEET_HEADER + "M1,SU1,2026-11-02,10:00,12:00,0,walk,\n");
        ImportResult second = importCsv("second.csv", TIMESHEET_HEADER + """
                M1,SU1,02/11/2026,10:00,12:00,0,walk,sent again in UK date format
                M1,SU1,2026-11-03,10:00,12:00,0,walk,new
                """);

        assertThat(rejectedRows(second.importId())).containsExactly(entry(2, "DUPLICATE"));
        assertThat(jdbc.queryForObject("select detail from timesheet_reject", String.class))
                .isEqualTo("the same shift was already imported from first.csv row 2");
    }

    @Test
    void rejectsAShiftThatOverlapsTheSameMentorsShiftForAnotherEmployer() {
        importCsv("su1.csv", TIMESHEET_HEADER + "M1,SU1,2026-11-02,10:00,12:00,0,walk,\n");
        ImportResult su2 = importCsv("su2.csv", TIMESHEET_HEADER + """
                M1,SU2,2026-11-02,11:30,13:00,0,shopping,overlaps
                M1,SU2,2026-11-01,23:00,10:30,0,shopping,overnight into it
                M2,SU1,2026-11-02,11:00,12:00,0,walk,another mentor: fine
                """);

        assertThat(rejectedRows(su2.importId())).containsExactly(entry(2, "OVERLAP"), entry(3, "OVERLAP"));
        assertThat(jdbc.queryForList("select detail from timesheet_reject order by source_row", String.class))
                .first().isEqualTo("the mentor already has a shift from 2026-11-02 10:00 to 12:00 for SU1"
                        + " (su1.csv row 2)");
    }

    @Test
    void acceptsAShiftUnderTheFloorAndRaisesBelowFloor() {
        ImportResult result = importCsv("floor.csv", TIMESHEET_HEADER + """
                M2,SU1,2026-11-02,10:00,12:00,0,walk,E3 pays £14.00
                M1,SU1,2026-11-02,13:00,15:00,0,walk,E1 pays £15.00
                """);

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.belowFloor()).isEqualTo(1);
        assertThat(jdbc.queryForList("select type || ': ' || detail from payroll_exception", String.class))
                .containsExactly("BELOW_FLOOR: rate £14.00 an hour is below the Council living-wage floor of £14.38"
                        + " on 2026-11-02");
    }

    @Test
    void keepsNoBelowFloorExceptionForAShiftThatWasThenRejected() {
        importCsv("first.csv", TIMESHEET_HEADER + "M2,SU1,2026-11-02,10:00,12:00,0,walk,\n");
        ImportResult again = importCsv("again.csv", TIMESHEET_HEADER + """
                M2,SU1,2026-11-02,10:00,12:00,0,walk,sent twice
                M2,SU1,2026-11-03,10:00,12:00,0,walk,new
                """);

        assertThat(again.belowFloor()).isEqualTo(1);
        assertThat(rejectedRows(again.importId())).containsExactly(entry(2, "DUPLICATE"));
        assertThat(jdbc.queryForList("select import_id || '/' || source_row from payroll_exception order by 1",
                String.class)).containsExactly(again.importId() - 1 + "/2", again.importId() + "/3");
    }

    @Test
    void refusesAFileThatIsEmptyHasNoHeaderIsNotTextOrHasNoRows() throws Exception {
        assertThatThrownBy(() -> importCsv("empty.csv", ""))
                .isInstanceOf(CsvFileRefusedException.class).hasMessageContaining("empty.csv is empty");
        assertThatThrownBy(() -> importCsv("noheader.csv", "M1,SU1,2026-11-02,10:00,12:00\n"))
                .isInstanceOf(CsvFileRefusedException.class)
                .hasMessageContaining("noheader.csv: the header row (row 1) has no column mentor_ref, service_user_ref,"
                        + " date, start, end");
        Path workbook = dir.resolve("timesheets.xlsx.csv");
        Files.write(workbook, new byte[] {0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00});
        assertThatThrownBy(() -> importer.importFile(workbook, AS_OF, OUT))
                .isInstanceOf(CsvFileRefusedException.class).hasMessageContaining("is not a text file");
        assertThatThrownBy(() -> importCsv("header-only.csv", TIMESHEET_HEADER))
                .isInstanceOf(CsvFileRefusedException.class).hasMessageContaining("has a header row but no shifts");
        assertThat(jdbc.queryForObject("select count(*) from timesheet_import", Integer.class)).isZero();
    }

    @Test
    void aStrayQuoteCostsOnlyItsOwnRowAndEveryLaterRowIsReadCheckedAndKept() throws Exception {
        // 10,000 quarter-hour shifts, the second with a quote that is never closed
        StringBuilder csv = new StringBuilder(TIMESHEET_HEADER);
        for (int n = 0; n < 10_000; n++) {
            LocalDate day = LocalDate.of(2026, 4, 6).plusDays(n / 44);
            java.time.LocalTime start = java.time.LocalTime.of(8, 0).plusMinutes(15L * (n % 44));
            csv.append("M1,SU1,").append(day).append(',').append(start).append(',').append(start.plusMinutes(15))
                    .append(",0,walk,").append(n == 1 ? "\"never closed" : "fine").append('\n');
        }

        ImportResult result = importCsv("stray-quote.csv", csv.toString());

        assertThat(result.rowsRead()).isEqualTo(10_000);
        assertThat(result.accepted()).isEqualTo(9_999);
        assertThat(rejectedRows(result.importId())).containsExactly(entry(3, "MALFORMED"));
        assertThat(Files.readString(OUT.resolve("imports/stray-quote.csv.rejects.csv")))
                .contains("row 3 cannot be read as CSV: a quoted cell is not closed within 20 lines")
                .hasLineCount(2);
        assertThat(jdbc.queryForObject("select max(source_row) from timesheet_line where import_id = ?",
                Integer.class, result.importId())).isEqualTo(10_001);
    }

    @Test
    void aQuoteStillOpenAtTheEndOfTheFileCostsOnlyItsRow() {
        ImportResult result = importCsv("quote.csv", TIMESHEET_HEADER + """
                M1,SU1,2026-11-02,10:00,12:00,0,walk,fine
                M1,SU1,2026-11-03,10:00,12:00,0,walk,"never closed
                M1,SU1,2026-11-04,10:00,12:00,0,walk,read again after the quote
                """);

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(rejectedRows(result.importId())).containsExactly(entry(3, "MALFORMED"));
        assertThat(lines()).extracting(line -> line.get("source_row")).containsExactly(2, 4);
    }

    @Test
    void anImportThatFailsHalfWayResumesAndLeavesExactlyOneCopyOfEachLine() {
        StringBuilder csv = new StringBuilder(TIMESHEET_HEADER);
        for (int day = 0; day < 95; day++) {
            csv.append("M1,SU1,").append(LocalDate.of(2026, 8, 1).plusDays(day)).append(",10:00,12:00,0,walk,\n");
        }
        Path file = SmallCouncil.write(dir.resolve("long.csv"), csv.toString());
        // Given a database that refuses row 57, as a full disk or a dropped connection might, mid-file
        asOwner().execute("alter table timesheet_line add constraint fail_here check (source_row <> 57)");
        try {
            assertThatThrownBy(() -> importer.importFile(file, AS_OF, OUT))
                    .isInstanceOf(JobFailedException.class)
                    .hasMessageContaining("timesheetImportJob failed in stageTimesheetsStep")
                    .hasMessageContaining("run the same command again");
        } finally {
            asOwner().execute("alter table timesheet_line drop constraint fail_here");
        }
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line", Integer.class)).isEqualTo(50);
        assertThat(jdbc.queryForObject("select count(*) from imported_timesheet_line", Integer.class))
                .as("an unfinished import's lines do not count").isZero();

        // and the process that ran it dies, leaving its execution marked as running
        jdbc.update("update batch_job_execution set status = 'STARTED', end_time = null");
        jdbc.update("update batch_step_execution set status = 'STARTED', end_time = null where status = 'FAILED'");

        ImportResult result = importer.importFile(file, AS_OF, OUT);

        assertThat(result.accepted()).isEqualTo(95);
        assertThat(jdbc.queryForObject("select count(distinct source_row) from imported_timesheet_line",
                Integer.class)).isEqualTo(95);
        assertThat(lines()).hasSize(95);
        assertThat(jdbc.queryForList("select read_count from batch_step_execution where step_name ="
                + " 'stageTimesheetsStep' order by step_execution_id", Long.class))
                .as("the first run read six blocks of ten rows and failed writing the sixth; the restart read only"
                        + " the five blocks (45 rows) after the last commit").containsExactly(6L, 5L);
    }

    @org.junit.jupiter.api.Test
    void flagsAShiftInTheHourTheClocksRepeat() {
        ImportResult result = importCsv("october.csv", TIMESHEET_HEADER
                + "M1,SU1,2026-10-24,10:00,12:00,0,walk,\n"
                + "M1,SU1,2026-10-25,00:30,01:30,0,night,\n");

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.warnings()).singleElement().asString().startsWith("october.csv: row(s) 3 start or end in"
                + " the hour that happens twice when the clocks go back");
        assertThat(jdbc.queryForObject("select minutes from timesheet_line where source_row = 3", Integer.class))
                .as("00:30 BST to the first 01:30 BST").isEqualTo(60);
    }

    @org.junit.jupiter.api.Test
    void summarisesTenThousandUnknownColumnsInOneWarning() {
        StringBuilder header = new StringBuilder(TIMESHEET_HEADER.strip());
        for (int i = 0; i < 10_000; i++) {
            header.append(",extra").append(i);
        }
        ImportResult result = importCsv("wide.csv", header + "\nM1,SU1,2026-11-02,10:00,12:00,0,walk,\n");

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.warnings()).containsExactly("wide.csv: columns 'extra0', 'extra1', 'extra2', 'extra3',"
                + " 'extra4' and 9,995 more are not timesheet columns and were ignored");
    }

    @Test
    void refusesTheRowsOfAMixedEncodingFileThatAreNotUtf8AndKeepsTheRestRight() throws Exception {
        byte[] utf8 = (TIMESHEET_HEADER + "M1,SU1,2026-11-02,10:00,12:00,0,walk,met at the café\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] pasted = "M1,SU1,2026-11-03,10:00,12:00,0,walk,the café again\n".getBytes(Charset.forName(
                "windows-1252"));
        Path file = dir.resolve("mixed.csv");
        Files.write(file, java.util.Arrays.copyOf(utf8, utf8.length + pasted.length));
        byte[] whole = Files.readAllBytes(file);
        System.arraycopy(pasted, 0, whole, utf8.length, pasted.length);
        Files.write(file, whole);

        ImportResult result = importer.importFile(file, AS_OF, OUT);

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(lines().get(0)).containsEntry("notes", "met at the café");
        assertThat(rejectedRows(result.importId())).containsExactly(entry(3, "MALFORMED"));
        assertThat(jdbc.queryForObject("select detail from timesheet_reject", String.class))
                .startsWith("the row has bytes that are not UTF-8");
    }
}
