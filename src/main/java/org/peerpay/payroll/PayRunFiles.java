package org.peerpay.payroll;

import org.peerpay.calendar.PayPeriod;
import java.nio.file.Path;
import org.peerpay.csv.CsvOutput;
import org.peerpay.exceptions.Exceptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A pay period's files, written whole each time a run of it completes: {@code payslips/<period>/payslips.csv}
 * (every payslip of every run of the period) and {@code exceptions/<period>.csv}.
 */
@Component
class PayRunFiles {

    static final String[] PAYSLIP_COLUMNS = {"period", "service_user_ref", "mentor_ref", "employment_ref", "minutes",
            "basic_pay", "floor_uplift", "arrears", "holiday_pay", "gross_pay", "tax", "employee_nic",
            "employee_pension", "net_pay", "employer_nic", "employment_allowance_offset", "employer_pension",
            "employer_cost"};

    private final JdbcTemplate jdbc;
    private final Exceptions exceptions;

    PayRunFiles(JdbcTemplate jdbc, Exceptions exceptions) {
        this.jdbc = jdbc;
        this.exceptions = exceptions;
    }

    static Path payslipsFile(Path out, PayPeriod period) {
        return out.resolve("payslips").resolve(period.id()).resolve("payslips.csv");
    }

    /** @return payslips written */
    int write(PayPeriod period, Path out) {
        int[] payslips = {0};
        try (CsvOutput csv = CsvOutput.create(payslipsFile(out, period), PAYSLIP_COLUMNS)) {
            jdbc.query("""
                    select p.period_id, s.ref, m.ref, e.ref, p.minutes, p.basic_pay, p.floor_uplift, p.arrears,
                           p.holiday_pay, p.gross_pay, p.tax, p.employee_nic, p.employee_pension, p.net_pay,
                           p.employer_nic, p.employment_allowance_offset, p.employer_pension, p.employer_cost
                    from payslip p
                    join service_user s on s.id = p.service_user_id
                    join mentor m on m.id = p.mentor_id
                    join employment e on e.id = p.employment_id
                    where p.period_id = ?
                    order by s.ref, m.ref, e.ref, p.pay_run_id""", rs -> {
                payslips[0]++;
                Object[] row = new Object[PAYSLIP_COLUMNS.length];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                csv.row(row);
            }, period.id());
            csv.commit();
        }
        exceptions.writeFile(period, out);
        return payslips[0];
    }
}
