package org.peerpay.timesheets;

/**
 * One record of a timesheet file as sent: the eight canonical cells (blank when absent) and, when the record
 * could not be split into them, why.
 */
record RawTimesheetRow(long rowNumber, String[] cells, String malformed) {

    String cell(int index) {
        return cells[index];
    }
}
