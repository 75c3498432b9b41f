package org.peerpay.employment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EmploymentRepository extends JpaRepository<EmploymentEntity, Long> {

    /** Every employment with its rates, in one query. */
    @Query("select distinct e from EmploymentEntity e left join fetch e.rates order by e.ref")
    List<EmploymentEntity> findAllWithRates();
}
