/**
 * Timesheet CSV import: {@code timesheetImportJob} streams a file into timesheet lines and rejects, checks it
 * set-wise in SQL (duplicates, overlaps, wage floors) and completes the import, which is when its lines count.
 */
package org.peerpay.timesheets;
