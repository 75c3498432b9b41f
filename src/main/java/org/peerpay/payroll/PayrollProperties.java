package org.peerpay.payroll;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.peerpay.statutory.PensionBasis;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param payDay the pay date of a period is the first such day after the period ends
 * @param pensionBasis how employees' pension contributions get tax relief (the workplace scheme's basis)
 * @param statutoryMinimum the wage floor schedule that is the National Minimum Wage, for the period check
 * @param chunkSize employments paid per transaction
 */
@ConfigurationProperties("peerpay.payroll")
public record PayrollProperties(
        @DefaultValue("friday") DayOfWeek payDay,
        @DefaultValue("relief-at-source") PensionBasis pensionBasis,
        @DefaultValue("National Minimum Wage") String statutoryMinimum,
        @DefaultValue("1000") int chunkSize) {

    /** The pay date of a period: the first {@link #payDay} after it ends. Its tax year and period are PAYE's. */
    public LocalDate payDate(PayPeriod period) {
        return period.end().with(TemporalAdjusters.next(payDay));
    }
}
