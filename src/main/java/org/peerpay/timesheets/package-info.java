/**
 * Timesheets, owner of {@code timesheet_import}, {@code timesheet_line} and {@code timesheet_reject}:
 * {@code timesheetImportJob} streams a file into lines and rejects, checks it set-wise (duplicates, overlaps) and
 * completes the import, which is when its lines count; {@code PayableShifts} is where a shift's pay status changes.
 */
package org.peerpay.timesheets;
