package org.peerpay.timesheets;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Consecutive rows of a timesheet file, read, checked and rendered as PostgreSQL {@code COPY} data (CSV): the
 * shifts for {@code timesheet_line}, a BELOW_FLOOR exception for each shift under the floor, and the rows
 * rejected on their own for {@code timesheet_reject}. The import's unit of work: one block, one transaction.
 *
 * @param lastRow   the row number of the block's last row: the restart point once it is written
 * @param bytesRead how far into the file reading had got when the block was made, for progress
 * @param lineCount how many of its rows are shifts for {@code timesheet_line}
 */
record TimesheetBlock(long importId, long lastRow, long bytesRead, int lineCount, byte[] lines, byte[] exceptions,
                      byte[] rejects) {

    static TimesheetBlock of(long importId, List<StagedTimesheetRow> rows, long bytesRead) {
        StringBuilder lines = new StringBuilder(rows.size() * 110);
        StringBuilder exceptions = new StringBuilder();
        StringBuilder rejects = new StringBuilder();
        int lineCount = 0;
        for (StagedTimesheetRow row : rows) {
            String[] cells = row.raw().cells();
            if (row.reason() == null) {
                lineCount++;
                lines.append(importId).append(',').append(row.raw().rowNumber());
                value(lines, row.employment().id());
                value(lines, row.employment().mentorId());
                value(lines, row.employment().serviceUserId());
                value(lines, row.workDate());
                value(lines, row.startsAt());
                value(lines, row.endsAt());
                value(lines, row.breakMinutes());
                value(lines, row.minutes());
                text(lines, cells[6].isEmpty() ? null : cells[6]);
                text(lines, cells[7].isEmpty() ? null : cells[7]);
                lines.append('\n');
                if (row.belowFloor() != null) {
                    exceptions.append("BELOW_FLOOR");
                    value(exceptions, row.employment().serviceUserId());
                    value(exceptions, row.employment().mentorId());
                    value(exceptions, row.employment().id());
                    value(exceptions, importId);
                    value(exceptions, row.raw().rowNumber());
                    value(exceptions, row.workDate());
                    text(exceptions, row.belowFloor());
                    exceptions.append('\n');
                }
            } else {
                rejects.append(importId).append(',').append(row.raw().rowNumber());
                value(rejects, row.reason());
                text(rejects, row.detail());
                for (String cell : cells) {
                    text(rejects, cell);
                }
                text(rejects, arrayLiteral(row.raw().extraCells()));
                rejects.append('\n');
            }
        }
        long lastRow = rows.isEmpty() ? 1 : rows.get(rows.size() - 1).raw().rowNumber();
        return new TimesheetBlock(importId, lastRow, bytesRead, lineCount, bytes(lines), bytes(exceptions), bytes(rejects));
    }

    private static byte[] bytes(StringBuilder csv) {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A quoted text cell; null stays an unquoted empty cell, which COPY reads as NULL. */
    private static void text(StringBuilder csv, String cell) {
        csv.append(',');
        if (cell != null) {
            csv.append('"').append(cell.indexOf('"') < 0 ? cell : cell.replace("\"", "\"\"")).append('"');
        }
    }

    /** A PostgreSQL {@code text[]} literal of the cells, or null for none. */
    private static String arrayLiteral(String[] cells) {
        if (cells.length == 0) {
            return null;
        }
        StringBuilder array = new StringBuilder("{");
        for (String cell : cells) {
            array.append(array.length() > 1 ? "," : "").append('"')
                    .append(cell.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return array.append('}').toString();
    }

    private static void value(StringBuilder csv, Object value) {
        csv.append(',');
        if (value != null) {
            csv.append(value);
        }
    }
}
