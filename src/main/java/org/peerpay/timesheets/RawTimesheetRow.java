package org.peerpay.timesheets;

/**
 * One record of a timesheet file as sent: the eight canonical cells (blank when absent), the cells past the
 * header's last column (none in a well-formed record) and, when the record could not be split into the canonical
 * cells, why.
 */
record RawTimesheetRow(long rowNumber, String[] cells, String[] extraCells, String malformed) {

    private static final String[] NONE = {};

    RawTimesheetRow(long rowNumber, String[] cells, String malformed) {
        this(rowNumber, cells, NONE, malformed);
    }

    String cell(int index) {
        return cells[index];
    }
}
