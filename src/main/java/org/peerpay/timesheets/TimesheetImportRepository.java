package org.peerpay.timesheets;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TimesheetImportRepository extends JpaRepository<TimesheetImport, Long> {

    Optional<TimesheetImport> findBySha256(String sha256);
}
