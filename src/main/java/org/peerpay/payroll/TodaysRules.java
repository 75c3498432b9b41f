package org.peerpay.payroll;

import org.peerpay.statutory.TaxYears;
import org.peerpay.system.Sha256;
import org.peerpay.wagefloor.WageFloorProperties;
import org.peerpay.wagefloor.WageFloors;
import org.springframework.stereotype.Component;

/** The rules a pay run starting today pays by: today's configuration, floors file and tax-year data. */
@Component
class TodaysRules {

    private final WageFloorProperties floorProperties;
    private final WageFloors wageFloors;
    private final PayrollProperties payroll;
    private final TaxYears taxYears;

    TodaysRules(WageFloorProperties floorProperties, WageFloors wageFloors, PayrollProperties payroll,
                TaxYears taxYears) {
        this.floorProperties = floorProperties;
        this.wageFloors = wageFloors;
        this.payroll = payroll;
        this.taxYears = taxYears;
    }

    PayRunRules forTaxYear(String taxYear) {
        String data = taxYears.text(taxYear);
        return new PayRunRules(floorProperties.policy(), wageFloors.current().floors(), payroll.statutoryMinimum(),
                payroll.pensionBasis(), payroll.planTolerancePercent(), taxYear, data, Sha256.hex(data));
    }
}
