package org.peerpay.timesheets;

import org.peerpay.system.PersonalData;

/**
 * One record of a timesheet file as sent: the eight canonical cells (blank when absent), the cells past the
 * header's last column (none in a well-formed record) and, when the record could not be split into the canonical
 * cells, why. Anything in a cell shaped like an NI number or bank details is masked as it is read
 * ({@link PersonalData}): no such thing belongs in a timesheet, and so none reaches the database, a rejects file,
 * an exception or a page.
 */
record RawTimesheetRow(long rowNumber, String[] cells, String[] extraCells, String malformed) {

    private static final String[] NONE = {};

    RawTimesheetRow {
        cells = masked(cells);
        extraCells = masked(extraCells);
    }

    private static String[] masked(String[] cells) {
        String[] masked = cells.clone();
        for (int i = 0; i < masked.length; i++) {
            masked[i] = PersonalData.mask(masked[i]);
        }
        return masked;
    }

    RawTimesheetRow(long rowNumber, String[] cells, String malformed) {
        this(rowNumber, cells, NONE, malformed);
    }

    String cell(int index) {
        return cells[index];
    }
}
