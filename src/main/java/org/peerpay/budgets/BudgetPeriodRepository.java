package org.peerpay.budgets;

import org.springframework.data.jpa.repository.JpaRepository;

interface BudgetPeriodRepository extends JpaRepository<BudgetPeriodEntity, Long> {
}
