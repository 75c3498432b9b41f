package org.peerpay.budgets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import javax.money.MonetaryAmount;
import org.peerpay.filing.HmrcAccount;
import org.peerpay.money.Gbp;

/**
 * One service user's budget over one pay period. Funding counts in the period it was received;
 * employer costs in the period they pay for (a period's pay is charged on its pay date, after it ends).
 *
 * @param weeksOfFundingLeft the closing balance in weeks of planned hours at this budget's cost per hour, or null
 *     when there is no cost per hour to go by yet
 * @param flags the exception types raised for this service user in the period
 * @param hmrc  the employer's P32 record for the tax month of the period's pay date: what it owes HMRC and when;
 *     null when it paid nobody then
 */
public record BudgetStatement(String periodId, String serviceUserRef, String serviceUserName, String council,
        MonetaryAmount openingBalance, MonetaryAmount funding, MonetaryAmount employerCost,
        MonetaryAmount closingBalance,
        BigDecimal hoursDelivered, BigDecimal hoursPlanned, BigDecimal weeksOfFundingLeft, List<String> flags,
        List<MentorCost> mentors, Cash cash, BudgetYear year, HmrcAccount.P32Month hmrc) {

    /**
     * The money an auditor follows: the budget's bank account over the period (funds in as received, money out as
     * the bank paid it) and what the budget still owed at the period's end (for the pay of this period and before,
     * not yet paid). The closing bank balance less what is owed is the closing balance above.
     */
    public record Cash(MonetaryAmount openingBank, List<Budgets.FundingItem> fundsIn, List<MentorPaid> wagesPaid,
                       MonetaryAmount paidToHmrc, MonetaryAmount paidToPensionScheme, MonetaryAmount closingBank,
                       MonetaryAmount owedToMentors, MonetaryAmount owedToHmrc, MonetaryAmount owedToPensionScheme) {

        public MonetaryAmount fundsInTotal() {
            return fundsIn.stream().map(Budgets.FundingItem::amount).reduce(Gbp.ZERO, MonetaryAmount::add);
        }

        public MonetaryAmount wagesPaidTotal() {
            return wagesPaid.stream().map(MentorPaid::amount).reduce(Gbp.ZERO, MonetaryAmount::add);
        }

        public MonetaryAmount moneyOut() {
            return wagesPaidTotal().add(paidToHmrc).add(paidToPensionScheme);
        }

        public MonetaryAmount owed() {
            return owedToMentors.add(owedToHmrc).add(owedToPensionScheme);
        }
    }

    /** Net pay the bank paid a mentor in the period. */
    public record MentorPaid(String mentorRef, String mentorName, MonetaryAmount amount) {
    }

    /**
     * The budget year (budget period) the pay period ends in: its allocation, what its pay periods up to this one
     * cost, and the forecast for the whole year were the planned hours delivered from here at this tax year's cost
     * per hour.
     */
    public record BudgetYear(LocalDate start, LocalDate end, MonetaryAmount allocation, MonetaryAmount spentToDate,
                             MonetaryAmount forecast) {
    }

    /** True when the closing balance is below zero: said as overdrawn, never as weeks of funding left. */
    public boolean overdrawn() {
        return closingBalance.isNegative();
    }

    /** One employment's part of the period's employer cost. */
    public record MentorCost(String mentorRef, String mentorName, String employmentRef, BigDecimal hours,
            MonetaryAmount grossPay, MonetaryAmount employerNic, MonetaryAmount employmentAllowanceOffset,
            MonetaryAmount employerPension, MonetaryAmount employerCost) {
    }
}
