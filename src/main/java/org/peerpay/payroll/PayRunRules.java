package org.peerpay.payroll;

import java.util.List;
import org.peerpay.statutory.PensionBasis;
import org.peerpay.statutory.TaxYear;
import org.peerpay.system.Sha256;
import org.peerpay.wagefloor.FloorSchedule;
import org.peerpay.wagefloor.WageFloor;
import org.peerpay.wagefloor.WageFloorProperties;

/**
 * The rules a pay run pays by, fixed when it starts and recorded with it: the wage-floor policy and every floor
 * then in force, the minimum wage schedule, the pension basis, the plan tolerance, and the tax year's data file
 * as it was (with its SHA-256). A resumed run uses these, never the configuration of the day.
 */
record PayRunRules(WageFloorProperties.Policy floorPolicy, List<WageFloor> floors, String statutoryMinimum,
                   PensionBasis pensionBasis, int planTolerancePercent, String taxYear, String taxYearData,
                   String taxYearSha256) {

    FloorSchedule floorSchedule() {
        return new FloorSchedule(floors);
    }

    /**
     * The recorded tax year, after checking its data against the recorded checksum.
     *
     * @throws IllegalStateException when the recorded data was altered
     */
    TaxYear verifiedTaxYear() {
        if (!Sha256.hex(taxYearData).equals(taxYearSha256)) {
            throw new IllegalStateException("the tax year data recorded for this pay run (" + taxYear + ") does not"
                    + " match its recorded SHA-256: the record was altered; restore the database from a backup");
        }
        return TaxYear.parse(taxYearData, taxYear + ".yaml as recorded by the pay run");
    }
}
