package org.peerpay.payroll;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.csv.CsvOutput;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.exceptions.Exceptions;
import org.peerpay.people.People;
import org.peerpay.system.OutputPaths;
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
    private final People people;
    private final Employments employments;

    PayRunFiles(JdbcTemplate jdbc, Exceptions exceptions, People people, Employments employments) {
        this.jdbc = jdbc;
        this.exceptions = exceptions;
        this.people = people;
        this.employments = employments;
    }

    static Path payslipsFile(Path out, PayPeriod period) {
        return PayslipFiles.directory(out, period).resolve("payslips.csv");
    }

    /** @return payslips written */
    int write(PayPeriod period, Path out) {
        record Row(String serviceUser, String mentor, String employment, long payRunId, Object[] cells) {
        }
        Map<Long, People.ServiceUser> employers = people.serviceUsers();
        Map<Long, People.Mentor> mentors = people.mentors();
        Map<Long, Employment> employmentsById = employments.all();
        List<Row> rows = new ArrayList<>();
        jdbc.query("""
                select p.service_user_id, p.mentor_id, p.employment_id, p.pay_run_id, p.period_id, p.minutes,
                       p.basic_pay, p.floor_uplift, p.arrears, p.holiday_pay, p.gross_pay, p.tax, p.employee_nic,
                       p.employee_pension, p.net_pay, p.employer_nic, p.employment_allowance_offset,
                       p.employer_pension, p.employer_cost
                from payslip p where p.period_id = ?""", rs -> {
            String su = employers.get(rs.getLong(1)).ref();
            String mentor = mentors.get(rs.getLong(2)).ref();
            String employment = employmentsById.get(rs.getLong(3)).ref();
            Object[] cells = new Object[PAYSLIP_COLUMNS.length];
            cells[0] = rs.getString(5);
            cells[1] = su;
            cells[2] = mentor;
            cells[3] = employment;
            for (int i = 4; i < cells.length; i++) {
                cells[i] = rs.getObject(i + 2);
            }
            rows.add(new Row(su, mentor, employment, rs.getLong(4), cells));
        }, period.id());
        rows.sort(Comparator.comparing(Row::serviceUser).thenComparing(Row::mentor).thenComparing(Row::employment)
                .thenComparingLong(Row::payRunId));
        try (CsvOutput csv = CsvOutput.create(payslipsFile(out, period), PAYSLIP_COLUMNS)) {
            for (Row row : rows) {
                csv.row(row.cells());
            }
            csv.commit();
        }
        exceptions.writeFile(period, out);
        return rows.size();
    }
}
