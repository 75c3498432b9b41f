package org.peerpay.filing;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.statutory.PensionBasis;
import org.peerpay.statutory.TaxYear;

/**
 * What the filings need of the payslips. Payroll owns the payslips and provides this; filing depends only on the
 * interface.
 */
public interface PaidPayslips {

    /** The completed pay runs of a period, first run first. */
    List<PaidRun> completedRuns(PayPeriod period);

    /**
     * Every payslip of the employments a run paid, in the run's tax year, up to and including the run's own: by
     * employment, oldest first.
     */
    List<Payslip> yearToRun(PaidRun run);

    /** A completed pay run, and the tax year data it paid by. */
    record PaidRun(long id, PayPeriod period, int number, LocalDate payDate, TaxYear taxYear) {
    }

    /**
     * One payslip as HMRC hears of it.
     *
     * @param taxPeriod      the tax week or month of the pay date
     * @param niablePay      the period's earnings for NI (gross pay: pension contributions do not reduce it)
     * @param pensionBasis   the basis the contributions were deducted on (null: no contribution that run)
     * @param taxCode        the code operated, as the payslip shows it ({@code S1257L}, {@code 0T})
     * @param nicBandsOfYear the tax year data of the payslip's own run, whose thresholds band its earnings
     * @param pensionMembership {@code ENROLLED}, {@code NOT_ENROLLED} or {@code OPTED_OUT}, after this period's
     *     assessment
     * @param employmentAllowance the employer NIC the Employment Allowance took off this payslip
     */
    record Payslip(long id, long payRunId, long serviceUserId, long mentorId, long employmentId, PayPeriod period,
                   LocalDate payDate, int taxPeriod, int minutes, MonetaryAmount taxablePay, MonetaryAmount tax,
                   MonetaryAmount niablePay, MonetaryAmount employeeNic, MonetaryAmount employerNic,
                   MonetaryAmount employeePension, PensionBasis pensionBasis, String taxCode, boolean week1Month1,
                   char niCategory, TaxYear nicBandsOfYear, MonetaryAmount netPay, MonetaryAmount employerPension,
                   MonetaryAmount qualifyingEarnings, String pensionCategory, String pensionMembership,
                   MonetaryAmount employmentAllowance) {
    }

    /** Every payslip of completed runs paid in a tax year ({@code 2026-27}), by employer and pay date. */
    List<Payslip> ofTaxYear(String taxYear);

    /** The pay date of each employment's first payslip as an enrolled member of the pension scheme. */
    Map<Long, LocalDate> enrolledOn(Collection<Long> employmentIds);
}
