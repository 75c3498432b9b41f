package org.peerpay.budgets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.peerpay.money.Gbp;

/** A budget period as stored: its dates, its support plan's hours a week and its allocation in pounds. */
@Entity
@Table(name = "budget_period")
class BudgetPeriodEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_period_seq")
    @SequenceGenerator(name = "budget_period_seq", sequenceName = "budget_period_seq", allocationSize = 50)
    private Long id;

    @Column(name = "service_user_id", nullable = false, updatable = false)
    private long serviceUserId;

    @Column(name = "start_date", nullable = false, updatable = false)
    private LocalDate start;

    @Column(name = "end_date", nullable = false)
    private LocalDate end;

    @Column(name = "planned_hours_per_week", nullable = false)
    private BigDecimal plannedHoursPerWeek;

    @Column(nullable = false)
    private BigDecimal allocation;

    protected BudgetPeriodEntity() {
    }

    BudgetPeriodEntity(Budgets.BudgetPeriodDetails details) {
        serviceUserId = details.serviceUserId();
        start = details.start();
        update(details);
    }

    static String key(long serviceUserId, LocalDate start) {
        return serviceUserId + " from " + start;
    }

    String key() {
        return key(serviceUserId, start);
    }

    /** Takes the plan and allocation reference data now gives; true when anything changed. */
    boolean update(Budgets.BudgetPeriodDetails details) {
        BigDecimal newAllocation = Gbp.pounds(details.allocation());
        boolean changed = !Objects.equals(end, details.end()) || plannedHoursPerWeek == null
                || plannedHoursPerWeek.compareTo(details.plannedHoursPerWeek()) != 0
                || allocation == null || allocation.compareTo(newAllocation) != 0;
        end = details.end();
        plannedHoursPerWeek = details.plannedHoursPerWeek();
        allocation = newAllocation;
        return changed;
    }
}
