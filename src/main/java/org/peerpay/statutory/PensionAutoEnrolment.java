package org.peerpay.statutory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;

/**
 * Automatic enrolment for one employment and pay reference period: the worker's category by age on the pay date
 * and earnings against the period's trigger, enrolment of an eligible jobholder, and the minimum contributions on
 * qualifying earnings (earnings between the period's lower and upper limits).
 *
 * <p>Contributions are rounded up to the penny so that the minimums always hold: the employer pays the tax year's
 * employer percentage of qualifying earnings rounded up, the total is the employer and employee percentages
 * together rounded up, and the employee pays the rest. Under relief at source the employee's pay is reduced by
 * that less basic-rate relief (20%, rounded down to the penny, which the scheme claims from HMRC).
 */
public final class PensionAutoEnrolment {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal BASIC_RATE_RELIEF = new BigDecimal("0.20");

    private final PensionFigures figures;

    public PensionAutoEnrolment(TaxYear year) {
        this.figures = year.pension();
    }

    /**
     * @param earnings the period's qualifying earnings in the wide sense: pay for time worked and holiday pay
     */
    public PensionResult assess(PayFrequency frequency, LocalDate dateOfBirth, LocalDate payDate, BigDecimal earnings,
            PensionMembership before, PensionBasis basis) {
        WorkerCategory category = category(frequency, dateOfBirth, payDate, earnings);
        boolean enrolNow = before == PensionMembership.NOT_ENROLLED && category == WorkerCategory.ELIGIBLE_JOBHOLDER;
        PensionMembership after = enrolNow ? PensionMembership.ENROLLED : before;
        BigDecimal lower = figures.qualifyingEarningsLower().per(frequency);
        BigDecimal qualifying = earnings.min(figures.qualifyingEarningsUpper().per(frequency)).subtract(lower)
                .max(BigDecimal.ZERO);
        if (after != PensionMembership.ENROLLED) {
            return new PensionResult(category, after, false, qualifying, zero(), zero(), zero());
        }
        BigDecimal employer = percentUp(qualifying, figures.employerPercent());
        BigDecimal employee = percentUp(qualifying, figures.employerPercent().add(figures.employeePercent()))
                .subtract(employer);
        BigDecimal deduction = basis == PensionBasis.NET_PAY ? employee
                : employee.subtract(employee.multiply(BASIC_RATE_RELIEF).setScale(2, RoundingMode.DOWN));
        return new PensionResult(category, after, enrolNow, qualifying, employer, employee, deduction);
    }

    WorkerCategory category(PayFrequency frequency, LocalDate dateOfBirth, LocalDate payDate, BigDecimal earnings) {
        int age = Period.between(dateOfBirth, payDate).getYears();
        if (age < 16 || age >= 75) {
            return WorkerCategory.OUTSIDE_AGE_RANGE;
        }
        boolean eligibleAge = age >= 22 && payDate.isBefore(StatePensionAge.reachedOn(dateOfBirth));
        if (eligibleAge && earnings.compareTo(figures.earningsTrigger().per(frequency)) > 0) {
            return WorkerCategory.ELIGIBLE_JOBHOLDER;
        }
        if (earnings.compareTo(figures.qualifyingEarningsLower().per(frequency)) > 0) {
            return WorkerCategory.NON_ELIGIBLE_JOBHOLDER;
        }
        return WorkerCategory.ENTITLED_WORKER;
    }

    private static BigDecimal percentUp(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.CEILING);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
