package org.peerpay.ledger;

import javax.money.MonetaryAmount;
import org.peerpay.money.Gbp;

/** One side of an entry: a debit (positive) or credit (negative) to an account, in pounds sterling. */
public record Posting(Account account, long serviceUserId, Long employmentId, MonetaryAmount amount) {

    public Posting {
        Gbp.pounds(amount);
    }

    public static Posting debit(Account account, long serviceUserId, Long employmentId, MonetaryAmount amount) {
        return new Posting(account, serviceUserId, employmentId, amount);
    }

    public static Posting credit(Account account, long serviceUserId, Long employmentId, MonetaryAmount amount) {
        return new Posting(account, serviceUserId, employmentId, amount.negate());
    }
}
