/**
 * Personal budgets as their holders and coordinators see them: each pay period's statement of opening balance,
 * funding, employer costs by mentor, closing balance, hours against the plan and weeks of funding left.
 */
package org.peerpay.budgets;
