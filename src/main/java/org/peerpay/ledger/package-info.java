/**
 * The budget ledger: double-entry, append-only journal entries whose postings sum to zero; funding credits a
 * budget, each payslip charges it; corrections are reversals; and the check that it all reconciles.
 */
package org.peerpay.ledger;
