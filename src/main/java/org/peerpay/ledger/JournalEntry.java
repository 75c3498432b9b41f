package org.peerpay.ledger;

import javax.money.MonetaryAmount;
import org.peerpay.money.Gbp;
import java.time.LocalDate;
import java.util.List;

/**
 * An entry to post: its postings (zero amounts left out) must sum to zero. The idempotency key names what the
 * entry is for ({@code payslip:2026-27/4W08:1:E001}, {@code funding:12:v1}), so the same thing is never posted twice.
 */
public record JournalEntry(String idempotencyKey, Kind kind, LocalDate entryDate, long serviceUserId, String periodId,
        Long payslipId, Long fundingId, Long reverses, String description, List<Posting> postings) {

    public enum Kind { FUNDING, PAYSLIP, REVERSAL }

    public JournalEntry {
        postings = postings.stream().filter(p -> !p.amount().isZero()).toList();
        MonetaryAmount sum = postings.stream().map(Posting::amount).reduce(Gbp.ZERO, MonetaryAmount::add);
        if (!sum.isZero()) {
            throw new IllegalArgumentException("entry " + idempotencyKey + " does not balance: its postings sum to "
                    + Gbp.format(sum));
        }
        if (postings.isEmpty()) {
            throw new IllegalArgumentException("entry " + idempotencyKey + " has no postings");
        }
    }
}
