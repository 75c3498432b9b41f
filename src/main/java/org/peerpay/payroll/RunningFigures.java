package org.peerpay.payroll;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.statutory.EmploymentAllowance;
import org.peerpay.statutory.PayslipFigures;
import org.peerpay.statutory.PensionMembership;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures a pay run carries from one payslip to the next, read from the payslips already stored: each
 * employment's taxable pay and tax in the tax year so far and its pension membership, and each employer's
 * Employment Allowance used in the tax year.
 */
final class RunningFigures {

    record YearToDate(BigDecimal taxablePay, BigDecimal tax) {
        static final YearToDate NONE = new YearToDate(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private final Map<Long, YearToDate> yearToDate = new HashMap<>();
    private final Map<Long, PensionMembership> membership = new HashMap<>();
    private final Map<Long, BigDecimal> allowanceUsed = new HashMap<>();
    private final Map<Long, PayPeriod> lastPaid = new HashMap<>();

    /** The figures of a tax year (like {@code 2026-27}) for a range of employers, as the stored payslips have them. */
    static RunningFigures load(JdbcTemplate jdbc, String taxYear, EmployerRange range) {
        RunningFigures figures = new RunningFigures();
        jdbc.query("""
                select employment_id, sum(taxable_pay), sum(tax) from payslip
                where tax_year = ? and service_user_id between ? and ?
                group by employment_id""", rs -> {
            figures.yearToDate.put(rs.getLong(1), new YearToDate(rs.getBigDecimal(2), rs.getBigDecimal(3)));
        }, taxYear, range.first(), range.last());
        jdbc.query("""
                select distinct on (employment_id) employment_id, pension_membership, period_id from payslip
                where service_user_id between ? and ?
                order by employment_id, pay_date desc, id desc""", rs -> {
            figures.membership.put(rs.getLong(1), PensionMembership.valueOf(rs.getString(2)));
            figures.lastPaid.put(rs.getLong(1), PayPeriod.parse(rs.getString(3)));
        }, range.first(), range.last());
        jdbc.query("""
                select service_user_id, sum(employment_allowance_offset) from payslip
                where tax_year = ? and service_user_id between ? and ?
                group by service_user_id""", rs -> {
            figures.allowanceUsed.put(rs.getLong(1), rs.getBigDecimal(2));
        }, taxYear, range.first(), range.last());
        return figures;
    }

    YearToDate yearToDate(long employmentId) {
        return yearToDate.getOrDefault(employmentId, YearToDate.NONE);
    }

    PensionMembership membership(long employmentId) {
        return membership.getOrDefault(employmentId, PensionMembership.NOT_ENROLLED);
    }

    /**
     * True when the employment has ended and a payslip already paid the period holding its last day: the leaver's
     * final pay, with which their P45 was issued. A later payment is taxed on 0T week 1/month 1, as HMRC directs.
     */
    boolean p45Issued(EmploymentTerms terms) {
        PayPeriod last = lastPaid.get(terms.id());
        return terms.employment().end() != null && last != null && !last.end().isBefore(terms.employment().end());
    }

    BigDecimal allowanceUsed(long serviceUserId) {
        return allowanceUsed.getOrDefault(serviceUserId, BigDecimal.ZERO);
    }

    void record(EmploymentTerms terms, PayslipFigures figures, EmploymentAllowance.Claim claim) {
        yearToDate.merge(terms.id(), new YearToDate(figures.taxablePay(), figures.tax().taxThisPeriod()),
                (a, b) -> new YearToDate(a.taxablePay().add(b.taxablePay()), a.tax().add(b.tax())));
        membership.put(terms.id(), figures.pension().membership());
        allowanceUsed.put(terms.serviceUserId(), claim.usedToDate());
    }
}
