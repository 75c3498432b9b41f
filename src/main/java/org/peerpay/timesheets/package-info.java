/**
 * Timesheet CSV import: {@code timesheetImportJob} streams a file into a staging table, validates it set-wise in
 * SQL, publishes accepted shifts as timesheet lines and keeps every rejected row with its reason.
 */
package org.peerpay.timesheets;
