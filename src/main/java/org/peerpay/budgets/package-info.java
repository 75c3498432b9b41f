/**
 * Personal budgets, owner of {@code budget_period} and {@code funding}: budget periods with their support plan and
 * allocation, funding and its posting to the ledger, the budget review after each pay run, and each pay period's statements (opening balance, funding,
 * employer costs by mentor, closing balance, hours against the plan, weeks of funding left).
 */
package org.peerpay.budgets;
