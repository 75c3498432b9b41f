/**
 * The budget ledger: append-only journal entries of debits and credits whose postings sum to zero; funding credits a
 * budget, each payslip charges it; corrections are reversals; and the check that it all reconciles.
 */
package org.peerpay.ledger;
