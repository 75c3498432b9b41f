package org.peerpay.payroll;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PayRunRepository extends JpaRepository<PayRun, Long> {

    Optional<PayRun> findFirstByPeriodIdAndStatus(String periodId, PayRun.Status status);

    Optional<PayRun> findFirstByPeriodIdOrderByRunNumberDesc(String periodId);

    List<PayRun> findByPeriodId(String periodId);

    boolean existsByPeriodId(String periodId);

    @Query("select distinct r.periodId from PayRun r where r.status = org.peerpay.payroll.PayRun.Status.RUNNING")
    List<String> periodsWithRunningRuns();

    @Query("select distinct r.periodId from PayRun r"
            + " where r.status = org.peerpay.payroll.PayRun.Status.COMPLETED and r.closedAt is null")
    List<String> periodsLeftUnclosed();

    @Query("select r from PayRun r where r.periodId = :periodId"
            + " and r.status = org.peerpay.payroll.PayRun.Status.COMPLETED and r.closedAt is null")
    List<PayRun> completedButNotClosed(String periodId);

    @Query("select r.periodId from PayRun r where r.status = org.peerpay.payroll.PayRun.Status.COMPLETED"
            + " group by r.periodId order by max(r.completedAt) desc")
    List<String> paidPeriods();

    @Query("select distinct r.periodId from PayRun r where r.id in :ids")
    List<String> periodsOf(List<Long> ids);
}
