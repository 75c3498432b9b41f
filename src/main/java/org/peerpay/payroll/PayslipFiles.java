package org.peerpay.payroll;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.MonetaryAmount;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.money.Gbp;
import org.peerpay.people.People;
import org.peerpay.system.OutputPaths;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The payslips a period's runs made, each with the PDF the run wrote for it, for people to find and download. */
@Service
public class PayslipFiles {

    private final JdbcTemplate jdbc;
    private final People people;

    PayslipFiles(JdbcTemplate jdbc, People people) {
        this.jdbc = jdbc;
        this.people = people;
    }

    /** One payslip and its PDF ({@code file}: where the run wrote it under the output directory). */
    public record PayslipFile(long id, String periodId, int run, String serviceUserRef, String serviceUserName,
                              String mentorRef, String mentorName, MonetaryAmount gross, MonetaryAmount net,
                              Path file) {
    }

    /** The period's payslips, by service user, then mentor, then run. */
    public List<PayslipFile> of(PayPeriod period, Path out) {
        return query("p.period_id = ?", period.id(), out).stream()
                .sorted(java.util.Comparator.comparing(PayslipFile::serviceUserRef)
                        .thenComparing(PayslipFile::mentorRef).thenComparingInt(PayslipFile::run))
                .toList();
    }

    /** Where a period's payslips are written: its PDFs and {@code payslips.csv}. */
    public static Path directory(Path out, PayPeriod period) {
        return OutputPaths.under(out, "payslips", period.id());
    }

    public Optional<PayslipFile> find(long id, Path out) {
        return query("p.id = ?", id, out).stream().findFirst();
    }

    private List<PayslipFile> query(String where, Object value, Path out) {
        Map<Long, People.ServiceUser> employers = people.serviceUsers();
        Map<Long, People.Mentor> mentors = people.mentors();
        return jdbc.query("select p.id, p.period_id, r.run_number, p.service_user_id, p.mentor_id, p.gross_pay,"
                + " p.net_pay from payslip p join pay_run r on r.id = p.pay_run_id where " + where, (rs, i) -> {
                    People.ServiceUser employer = employers.get(rs.getLong("service_user_id"));
                    People.Mentor mentor = mentors.get(rs.getLong("mentor_id"));
                    String periodId = rs.getString("period_id");
                    int run = rs.getInt("run_number");
                    return new PayslipFile(rs.getLong("id"), periodId, run, employer.ref(), employer.name(),
                            mentor.ref(), mentor.name(), Gbp.of(rs.getBigDecimal("gross_pay")),
                            Gbp.of(rs.getBigDecimal("net_pay")),
                            PayslipPdfs.file(out, periodId, employer.ref(), mentor.ref(), run));
                }, value);
    }
}
