/**
 * The pay run, owner of {@code pay_run}, {@code pay_run_floor}, {@code payslip}, {@code payslip_line} and
 * {@code back_pay}: {@code payRunJob} pays a period's shifts and the back pay owed by the rules it recorded when it
 * started, charges each budget through the ledger, reviews the budgets and writes the period's documents;
 * {@code PeriodClose} is the period-close use case every adapter calls, and {@code LedgerCheck} proves the ledger
 * against funding and payslips.
 */
package org.peerpay.payroll;
