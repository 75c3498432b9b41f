package org.peerpay.budgets;

import java.math.BigDecimal;
import java.util.List;
import javax.money.MonetaryAmount;

/**
 * One service user's budget over one pay period. Funding counts in the period it was received;
 * employer costs in the period they pay for (a period's pay is charged on its pay date, after it ends).
 *
 * @param weeksOfFundingLeft the closing balance in weeks of planned hours at this budget's cost per hour, or null
 *     when there is no cost per hour to go by yet
 * @param flags the exception types raised for this service user in the period
 */
public record BudgetStatement(String periodId, String serviceUserRef, String serviceUserName, String council,
        MonetaryAmount openingBalance, MonetaryAmount funding, MonetaryAmount employerCost,
        MonetaryAmount closingBalance,
        BigDecimal hoursDelivered, BigDecimal hoursPlanned, BigDecimal weeksOfFundingLeft, List<String> flags,
        List<MentorCost> mentors) {

    /** One employment's part of the period's employer cost. */
    public record MentorCost(String mentorRef, String mentorName, String employmentRef, BigDecimal hours,
            MonetaryAmount grossPay, MonetaryAmount employerNic, MonetaryAmount employmentAllowanceOffset,
            MonetaryAmount employerPension, MonetaryAmount employerCost) {
    }
}
