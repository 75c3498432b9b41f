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

    public enum Kind { FUNDING, PAYSLIP, REVERSAL, SETTLEMENT }

    /** Funding received into a budget (version {@code n} of that funding row): debit the funder, credit the budget. */
    public static JournalEntry funding(long fundingId, int version, long serviceUserId, LocalDate receivedOn,
                                       MonetaryAmount amount, String source) {
        return new JournalEntry("funding:" + fundingId + ":v" + version, Kind.FUNDING, receivedOn, serviceUserId,
                null, null, fundingId, null, "Funding received " + receivedOn + " (" + source + ")",
                List.of(Posting.debit(Account.FUNDER, serviceUserId, null, amount),
                        Posting.credit(Account.BUDGET, serviceUserId, null, amount)));
    }

    /**
     * A payslip's charge to its budget on its pay date: the budget pays the employer cost; the mentor is owed the
     * net pay, HMRC the tax and NIC (less the Employment Allowance), the pension scheme both contributions.
     */
    public static JournalEntry payslipCharge(String periodId, int run, String employmentRef, String mentorRef,
                                             long payslipId, long serviceUserId, long employmentId, LocalDate payDate,
                                             MonetaryAmount employerCost, MonetaryAmount netPay,
                                             MonetaryAmount owedToHmrc, MonetaryAmount owedToPensionScheme) {
        return new JournalEntry("payslip:" + periodId + ":" + run + ":" + employmentRef, Kind.PAYSLIP, payDate,
                serviceUserId, periodId, payslipId, null, null, "Pay " + periodId + " " + mentorRef + " ("
                + employmentRef + ")",
                List.of(Posting.debit(Account.BUDGET, serviceUserId, null, employerCost),
                        Posting.credit(Account.NET_PAY_OWED, serviceUserId, employmentId, netPay),
                        Posting.credit(Account.HMRC_OWED, serviceUserId, null, owedToHmrc),
                        Posting.credit(Account.PENSION_OWED, serviceUserId, null, owedToPensionScheme)));
    }

    /**
     * A liability of a payslip paid from the budget's bank account on the day the bank paid it: debit what was owed
     * (the mentor's net pay, HMRC, the pension scheme), credit the bank account. One per payslip and liability.
     */
    public static JournalEntry settlement(Account liability, long payslipId, long serviceUserId, Long employmentId,
                                          String periodId, LocalDate paidOn, MonetaryAmount amount, String what) {
        if (!Account.LIABILITIES.contains(liability)) {
            throw new IllegalArgumentException(liability + " is not something a payslip makes owed");
        }
        return new JournalEntry("settle:" + liability.name().toLowerCase(java.util.Locale.ROOT) + ":" + payslipId,
                Kind.SETTLEMENT, paidOn, serviceUserId, periodId, payslipId, null, null, what,
                List.of(Posting.debit(liability, serviceUserId, employmentId, amount),
                        Posting.credit(Account.BANK, serviceUserId, null, amount)));
    }

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
