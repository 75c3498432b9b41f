package org.peerpay.statutory;

import java.math.BigDecimal;

/**
 * One tax year's statutory calculations together, for one payslip: holiday pay, then pension on the gross pay,
 * then PAYE on taxable pay and National Insurance on the gross pay (pension contributions do not reduce NIable
 * pay). Employment Allowance and the minimum wage check work across payslips and stay with the pay run.
 */
public final class PayslipCalculator {

    private final Paye paye;
    private final NationalInsurance nationalInsurance;
    private final PensionAutoEnrolment pension;

    public PayslipCalculator(TaxYear year) {
        this.paye = new Paye(year);
        this.nationalInsurance = new NationalInsurance(year);
        this.pension = new PensionAutoEnrolment(year);
    }

    public PayslipFigures calculate(PayslipInput in) {
        BigDecimal holidayPay = in.holiday() == HolidayMethod.ROLLED_UP ? HolidayPay.rolledUp(in.payForTimeWorked())
                : BigDecimal.ZERO.setScale(2);
        int holidayMinutes = in.holiday() == HolidayMethod.ACCRUED ? HolidayPay.accruedMinutes(in.minutesWorked()) : 0;
        BigDecimal gross = in.payForTimeWorked().add(holidayPay);
        PensionResult pensionResult = pension.assess(in.frequency(), in.dateOfBirth(), in.payDate(), gross,
                in.pension(), in.pensionBasis());
        BigDecimal taxable = in.pensionBasis() == PensionBasis.NET_PAY
                ? gross.subtract(pensionResult.employeeDeduction()) : gross;
        PayeResult tax = paye.calculate(in.frequency(), in.period(), in.taxCode(), in.week1Month1(), taxable,
                in.taxablePayBefore(), in.taxPaidBefore());
        NicResult nic = nationalInsurance.calculate(in.frequency(), in.niCategory(), gross);
        BigDecimal net = gross.subtract(tax.taxThisPeriod()).subtract(nic.employee())
                .subtract(pensionResult.employeeDeduction());
        return new PayslipFigures(holidayPay, holidayMinutes, gross, taxable, tax, nic, pensionResult, net);
    }
}
