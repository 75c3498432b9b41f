package org.peerpay.payroll;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.filing.PaidPayslips;
import org.peerpay.money.Gbp;
import org.peerpay.statutory.PensionBasis;
import org.peerpay.statutory.TaxYear;
import org.peerpay.statutory.TaxYears;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The filings' view of the payslips: HMRC's figures, from the payslips and the rules each run recorded. */
@Component
class PayslipsForFiling implements PaidPayslips {

    private final JdbcTemplate jdbc;
    private final TaxYears taxYears;

    PayslipsForFiling(JdbcTemplate jdbc, TaxYears taxYears) {
        this.jdbc = jdbc;
        this.taxYears = taxYears;
    }

    @Override
    public List<PaidRun> completedRuns(PayPeriod period) {
        Map<Long, TaxYear> years = new HashMap<>();
        return jdbc.query("""
                select id, run_number, pay_date from pay_run where period_id = ? and status = 'COMPLETED'
                order by run_number""", (rs, i) -> new PaidRun(rs.getLong(1), period, rs.getInt(2),
                rs.getObject(3, LocalDate.class), taxYearOf(rs.getLong(1), years)), period.id());
    }

    @Override
    public List<Payslip> yearToRun(PaidRun run) {
        return payslips("""
                and p.tax_year = (select tax_year from payslip where pay_run_id = ? limit 1)
                and p.employment_id in (select employment_id from payslip where pay_run_id = ?)
                and (p.pay_date, p.pay_run_id) <= (?, ?)
                order by p.employment_id, p.pay_date, p.pay_run_id""", run.id(), run.id(), run.payDate(), run.id());
    }

    @Override
    public List<Payslip> ofTaxYear(String taxYear) {
        return payslips("and p.tax_year = ? order by p.service_user_id, p.pay_date, p.pay_run_id, p.employment_id",
                taxYear);
    }

    /** The payslips of completed runs matching the condition (which starts {@code and} and may order them). */
    private List<Payslip> payslips(String condition, Object... parameters) {
        Map<Long, TaxYear> years = new HashMap<>();
        return jdbc.query("""
                select p.pay_run_id, p.service_user_id, p.mentor_id, p.employment_id, p.period_id, p.pay_date,
                       p.tax_period, p.minutes, p.taxable_pay, p.tax, p.gross_pay, p.employee_nic, p.employer_nic,
                       p.employee_pension, r.pension_basis, p.tax_code, p.week1_month1, p.ni_category, p.id,
                       p.net_pay, p.employer_pension, p.qualifying_earnings, p.pension_category,
                       p.pension_membership, p.employment_allowance_offset
                from payslip p join pay_run r on r.id = p.pay_run_id
                where r.status = 'COMPLETED'
                """ + condition, (rs, i) -> {
            BigDecimal pension = rs.getBigDecimal(14);
            String basis = rs.getString(15);
            return new Payslip(rs.getLong(19), rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    PayPeriod.parse(rs.getString(5)), rs.getObject(6, LocalDate.class), rs.getInt(7), rs.getInt(8),
                    Gbp.of(rs.getBigDecimal(9)), Gbp.of(rs.getBigDecimal(10)), Gbp.of(rs.getBigDecimal(11)),
                    Gbp.of(rs.getBigDecimal(12)), Gbp.of(rs.getBigDecimal(13)), Gbp.of(pension),
                    pension.signum() == 0 || basis == null ? null : PensionBasis.valueOf(basis), rs.getString(16),
                    rs.getBoolean(17), rs.getString(18).charAt(0), taxYearOf(rs.getLong(1), years),
                    Gbp.of(rs.getBigDecimal(20)), Gbp.of(rs.getBigDecimal(21)), Gbp.of(rs.getBigDecimal(22)),
                    rs.getString(23), rs.getString(24), Gbp.of(rs.getBigDecimal(25)));
        }, parameters);
    }

    @Override
    public Map<Long, LocalDate> enrolledOn(Collection<Long> employmentIds) {
        Map<Long, LocalDate> enrolled = new HashMap<>();
        jdbc.query("""
                select p.employment_id, min(p.pay_date) from payslip p join pay_run r on r.id = p.pay_run_id
                where r.status = 'COMPLETED' and p.pension_membership = 'ENROLLED' and p.employment_id = any(?)
                group by p.employment_id""", rs -> {
            enrolled.put(rs.getLong(1), rs.getObject(2, LocalDate.class));
        }, (Object) employmentIds.toArray(Long[]::new));
        return enrolled;
    }

    /** The tax year a run paid by: its recorded data, or today's file for a run from before rules were recorded. */
    private TaxYear taxYearOf(long payRunId, Map<Long, TaxYear> years) {
        return years.computeIfAbsent(payRunId, id -> jdbc.queryForObject("""
                select r.tax_year_data, r.tax_year_sha256, p.tax_year
                from pay_run r join payslip p on p.pay_run_id = r.id where r.id = ? limit 1""", (rs, i) -> {
            String data = rs.getString(1);
            return data == null ? taxYears.get(rs.getString(3))
                    : new PayRunRules(null, List.of(), null, null, 0, rs.getString(3), data, rs.getString(2))
                            .verifiedTaxYear();
        }, id));
    }
}
