/**
 * Pay calendars and the pay run: payslips from accepted timesheet lines, charged to each service user's budget
 * through the ledger, with the documents and exceptions of each pay period.
 */
package org.peerpay.payroll;
