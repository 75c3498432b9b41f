package org.peerpay.ledger;

import java.math.BigDecimal;

/** One side of an entry: a debit (positive) or credit (negative) in pounds to an account. */
public record Posting(Account account, long serviceUserId, Long employmentId, BigDecimal amount) {

    public static Posting debit(Account account, long serviceUserId, Long employmentId, BigDecimal amount) {
        return new Posting(account, serviceUserId, employmentId, amount);
    }

    public static Posting credit(Account account, long serviceUserId, Long employmentId, BigDecimal amount) {
        return new Posting(account, serviceUserId, employmentId, amount.negate());
    }
}
