package org.peerpay.budgets;

import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.MonetaryAmount;
import org.peerpay.calendar.PayPeriod;

/**
 * What pay cost each budget, as the statements need it. Payroll owns the payslips and provides this; budgets
 * depends only on the interface.
 */
public interface PayCosts {

    /** The service users with a payslip in a period. */
    Set<Long> serviceUsersPaid(PayPeriod period);

    /** Each employment's part of a period's employer cost, by service user, in mentor and employment order. */
    Map<Long, List<BudgetStatement.MentorCost>> mentorCosts(PayPeriod period);

    /** Employer cost and minutes paid in the period's tax year up to and including it, by service user. */
    Map<Long, CostAndMinutes> yearToDate(PayPeriod period);

    /** An employer cost and the minutes it paid for. */
    record CostAndMinutes(MonetaryAmount cost, long minutes) {
    }
}
