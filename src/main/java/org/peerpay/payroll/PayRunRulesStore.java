package org.peerpay.payroll;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.peerpay.money.HourlyRate;
import org.peerpay.statutory.PensionBasis;
import org.peerpay.statutory.TaxYears;
import org.peerpay.wagefloor.WageFloor;
import org.peerpay.wagefloor.WageFloorProperties;
import org.peerpay.wagefloor.WageFloors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Records the rules of the day with a pay run when it starts, and gives a run back the rules it recorded. */
@Component
class PayRunRulesStore {

    private final JdbcTemplate jdbc;
    private final WageFloorProperties floorProperties;
    private final WageFloors wageFloors;
    private final PayrollProperties payroll;
    private final TaxYears taxYears;

    PayRunRulesStore(JdbcTemplate jdbc, WageFloorProperties floorProperties, WageFloors wageFloors,
                     PayrollProperties payroll, TaxYears taxYears) {
        this.jdbc = jdbc;
        this.floorProperties = floorProperties;
        this.wageFloors = wageFloors;
        this.payroll = payroll;
        this.taxYears = taxYears;
    }

    /** Records today's rules with a run that has none recorded (a new run, or one started before rules were kept). */
    void recordIfAbsent(long payRunId, String taxYear) {
        if (jdbc.queryForObject("select floor_policy is not null from pay_run where id = ?", Boolean.class,
                payRunId)) {
            return;
        }
        String data = taxYears.text(taxYear);
        jdbc.update("""
                update pay_run set floor_policy = ?, statutory_minimum = ?, pension_basis = ?,
                                   plan_tolerance_percent = ?, tax_year = ?, tax_year_data = ?, tax_year_sha256 = ?
                where id = ?""", floorProperties.policy().name(), payroll.statutoryMinimum(),
                payroll.pensionBasis().name(), payroll.planTolerancePercent(), taxYear, data,
                PayRunRules.sha256(data), payRunId);
        jdbc.batchUpdate("insert into pay_run_floor (pay_run_id, name, effective_from, hourly_rate, min_age, max_age)"
                + " values (?, ?, ?, ?, ?, ?)", wageFloors.current().floors().stream().map(f -> new Object[] {
                        payRunId, f.name(), Date.valueOf(f.effectiveFrom()), f.rate().pounds(), f.minAge(),
                        f.maxAge()}).toList());
    }

    PayRunRules recorded(long payRunId) {
        List<WageFloor> floors = jdbc.query("select name, effective_from, hourly_rate, min_age, max_age"
                + " from pay_run_floor where pay_run_id = ? order by name, effective_from, min_age",
                (rs, i) -> new WageFloor(rs.getString(1), rs.getObject(2, LocalDate.class),
                        new HourlyRate(rs.getBigDecimal(3)), (Integer) rs.getObject(4), (Integer) rs.getObject(5)),
                payRunId);
        return jdbc.queryForObject("""
                select floor_policy, statutory_minimum, pension_basis, plan_tolerance_percent, tax_year,
                       tax_year_data, tax_year_sha256
                from pay_run where id = ?""", (rs, i) -> new PayRunRules(
                WageFloorProperties.Policy.valueOf(rs.getString(1)), floors, rs.getString(2),
                PensionBasis.valueOf(rs.getString(3)), rs.getInt(4), rs.getString(5), rs.getString(6),
                rs.getString(7)), payRunId);
    }
}
