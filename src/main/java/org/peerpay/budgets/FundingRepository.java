package org.peerpay.budgets;

import org.springframework.data.jpa.repository.JpaRepository;

interface FundingRepository extends JpaRepository<FundingEntity, Long> {
}
