package org.peerpay.statutory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PayslipCalculatorTest {

    static final PayslipCalculator CALCULATOR = new PayslipCalculator(new TaxYears(Path.of("batch-config/tax-years"))
            .get("2026-27"));

    @Test
    void putsHolidayPayPensionTaxAndNationalInsuranceOnOnePayslip() {
        // four weeks of 70 hours at £14.38 = 1006.60; rolled-up holiday 12.07% = 121.50 (121.4966)
        PayslipFigures slip = CALCULATOR.calculate(new PayslipInput(PayFrequency.FOUR_WEEKLY, 8,
                LocalDate.of(2026, 11, 13), new BigDecimal("1006.60"), 70 * 60, HolidayMethod.ROLLED_UP, TaxCode.parse("1257L"), false,
                'A', LocalDate.of(1990, 1, 1), PensionMembership.ENROLLED, PensionBasis.RELIEF_AT_SOURCE,
                new BigDecimal("7000.00"), new BigDecimal("0.00")));

        assertThat(slip.holidayPay()).isEqualByComparingTo("121.50");
        assertThat(slip.grossPay()).isEqualByComparingTo("1128.10");
        // qualifying 648.10: employer 19.443 up to 19.45; 8% 51.848 up to 51.85; employee 32.40, less 6.48 relief
        assertThat(slip.pension().employerContribution()).isEqualByComparingTo("19.45");
        assertThat(slip.pension().employeeDeduction()).isEqualByComparingTo("25.92");
        // weeks 1-32: 8128.10 - 32 x 241.92 = 386 at 20% = 77.20
        assertThat(slip.tax().taxThisPeriod()).isEqualByComparingTo("77.20");
        // employee 8% of (1128.10 - 967) = 12.888 -> 12.89; employer 15% of (1128.10 - 385) = 111.465 -> 111.46
        assertThat(slip.nic().employee()).isEqualByComparingTo("12.89");
        assertThat(slip.nic().employer()).isEqualByComparingTo("111.46");
        assertThat(slip.netPay()).isEqualByComparingTo("1012.09");
    }

    @Test
    void accruesHolidayHoursInsteadOfPayingThem() {
        PayslipFigures slip = CALCULATOR.calculate(new PayslipInput(PayFrequency.FOUR_WEEKLY, 1,
                LocalDate.of(2026, 5, 1), new BigDecimal("431.40"), 30 * 60, HolidayMethod.ACCRUED, TaxCode.parse("1257L"), false,
                'A', LocalDate.of(1990, 1, 1), PensionMembership.NOT_ENROLLED, PensionBasis.RELIEF_AT_SOURCE,
                BigDecimal.ZERO, BigDecimal.ZERO));

        assertThat(slip.holidayPay()).isZero();
        assertThat(slip.holidayMinutesAccrued()).isEqualTo(217);  // 12.07% of 1800 minutes = 217.26
        assertThat(slip.grossPay()).isEqualByComparingTo("431.40");
        assertThat(slip.pension().category()).isEqualTo(WorkerCategory.ENTITLED_WORKER);  // not above £480
        assertThat(slip.netPay()).isEqualByComparingTo("431.40");
    }

    @Test
    void paysNoHolidayWhenTheEmploymentHasNone() {
        PayslipFigures slip = CALCULATOR.calculate(new PayslipInput(PayFrequency.WEEKLY, 1,
                LocalDate.of(2026, 4, 10), new BigDecimal("143.80"), 10 * 60, HolidayMethod.of("none"),
                TaxCode.parse("BR"), false, 'A', LocalDate.of(1990, 1, 1), PensionMembership.OPTED_OUT,
                PensionBasis.RELIEF_AT_SOURCE, BigDecimal.ZERO, BigDecimal.ZERO));

        assertThat(slip.holidayPay()).isZero();
        assertThat(slip.holidayMinutesAccrued()).isZero();
        assertThat(slip.tax().taxThisPeriod()).isEqualByComparingTo("28.60");  // BR: 143 at 20%
        assertThat(slip.netPay()).isEqualByComparingTo("115.20");              // under the PT: no NIC
    }
}
