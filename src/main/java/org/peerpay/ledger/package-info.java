/**
 * The budget ledger, owner of {@code journal_entry} and {@code posting}: append-only entries of debits and credits
 * whose postings sum to zero, posted once each by idempotency key; corrections are reversals. Offers the one query
 * of budget balances, the budgets' movements, and its own check that every entry balances.
 */
package org.peerpay.ledger;
