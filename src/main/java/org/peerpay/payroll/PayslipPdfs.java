package org.peerpay.payroll;

import org.peerpay.calendar.Dates;
import org.peerpay.calendar.PayPeriod;
import static org.peerpay.money.Gbp.format;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peerpay.documents.Pdf;
import org.peerpay.documents.PdfBatch;
import org.peerpay.system.OutputPaths;
import org.peerpay.system.Progress;
import org.peerpay.money.HourlyRate;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.people.People;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Payslips as PDFs, one per employment per run: {@code payslips/<period>/<service user>/<mentor>.pdf} (a
 * supplementary run's as {@code <mentor>-run2.pdf}). Each names the service user as the employer and shows what
 * an itemised pay statement must: gross pay, each deduction and net pay, and the hours worked, since pay varies
 * with time worked; then the employer's costs and the year to date. Rendered on all processors.
 */
@Component
class PayslipPdfs {


    private final JdbcTemplate jdbc;
    private final People people;
    private final Employments employments;

    PayslipPdfs(JdbcTemplate jdbc, People people, Employments employments) {
        this.jdbc = jdbc;
        this.people = people;
        this.employments = employments;
    }

    record View(long id, String periodId, int run, LocalDate payDate, String taxYear, int taxPeriod, String frequency,
                String serviceUserRef, String serviceUserName, String council, String payeRef, String mentorRef,
                String mentorName, String address, String niMasked, String employmentRef, String taxCode,
                String niCategory, int minutes, Map<String, BigDecimal> amounts, Map<String, BigDecimal> yearToDate,
                String pensionNote, int holidayMinutesAccrued, long holidayBalance, List<PayslipDraft.Line> lines) {
    }

    static Path file(Path out, String periodId, String serviceUserRef, String mentorRef, int run) {
        return OutputPaths.under(PayslipFiles.directory(out, PayPeriod.parse(periodId)), serviceUserRef,
                OutputPaths.name(mentorRef) + (run > 1 ? "-run" + run : "") + ".pdf");
    }

    /** Writes the payslips of one pay run, as part of this step (whose progress it shows); returns how many. */
    int write(long payRunId, Path out, StepExecution step) {
        Map<Long, List<PayslipDraft.Line>> lines = new HashMap<>();
        jdbc.query("""
                select l.payslip_id, l.kind, l.description, l.minutes, l.rate, l.amount
                from payslip_line l join payslip p on p.id = l.payslip_id
                where p.pay_run_id = ? order by l.payslip_id, l.line_no""", rs -> {
            lines.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new PayslipDraft.Line(
                    PayslipDraft.LineKind.valueOf(rs.getString(2)), rs.getString(3), (Integer) rs.getObject(4),
                    rs.getBigDecimal(5), rs.getBigDecimal(6)));
        }, payRunId);
        String[] amountColumns = {"basic_pay", "floor_uplift", "arrears", "holiday_pay", "gross_pay", "taxable_pay",
                "tax", "employee_nic", "employee_pension", "net_pay", "employer_nic", "employment_allowance_offset",
                "employer_pension", "employer_cost"};
        String[] ytdColumns = {"gross_pay", "taxable_pay", "tax", "employee_nic", "employee_pension", "employer_nic",
                "employer_pension"};
        StringBuilder ytd = new StringBuilder();
        for (String column : ytdColumns) {
            ytd.append(", sum(p.").append(column).append(") over w as ytd_").append(column);
        }
        List<View> views = new ArrayList<>();
        Map<Long, People.ServiceUser> employers = people.serviceUsers();
        Map<Long, People.Mentor> mentors = people.mentors();
        Map<Long, String> niNumbers = people.maskedNiNumbers();
        Map<Long, Employment> employmentsById = employments.all();
        jdbc.query("""
                select * from (
                    select p.*, r.run_number,
                           sum(p.holiday_minutes_accrued) over (partition by p.employment_id order by p.pay_date, p.id)
                               as holiday_balance""" + ytd + """
                    from payslip p
                    join pay_run r on r.id = p.pay_run_id
                    where p.employment_id in (select employment_id from payslip where pay_run_id = ?)
                    window w as (partition by p.employment_id, p.tax_year order by p.pay_date, p.id)) x
                where x.pay_run_id = ?""", rs -> {
            Map<String, BigDecimal> amounts = new HashMap<>();
            for (String column : amountColumns) {
                amounts.put(column, rs.getBigDecimal(column));
            }
            Map<String, BigDecimal> yearToDate = new HashMap<>();
            for (String column : ytdColumns) {
                yearToDate.put(column, rs.getBigDecimal("ytd_" + column));
            }
            long id = rs.getLong("id");
            People.ServiceUser employer = employers.get(rs.getLong("service_user_id"));
            People.Mentor mentor = mentors.get(rs.getLong("mentor_id"));
            Employment employment = employmentsById.get(rs.getLong("employment_id"));
            views.add(new View(id, rs.getString("period_id"), rs.getInt("run_number"),
                    rs.getObject("pay_date", LocalDate.class), rs.getString("tax_year"), rs.getInt("tax_period"),
                    employment.frequency().word(), employer.ref(), employer.name(), employer.council(),
                    employer.employerPayeRef(), mentor.ref(), mentor.name(), mentor.address(), niNumbers.get(mentor.id()),
                    employment.ref(), rs.getString("tax_code"), rs.getString("ni_category"),
                    rs.getInt("minutes"), amounts, yearToDate, rs.getString("pension_note"),
                    rs.getInt("holiday_minutes_accrued"), rs.getLong("holiday_balance"),
                    lines.getOrDefault(id, List.of())));
        }, payRunId, payRunId);
        render(views, out, step);
        return views.size();
    }

    private void render(List<View> views, Path out, StepExecution step) {
        Progress progress = Progress.ofStep(step, "payslips");
        PdfBatch.writeAll(views, view -> write(view, out),
                n -> progress.update(n, (int) (n * 1000L / views.size())));
        progress.end(views.size());
    }

    static void write(View v, Path out) {
        PayPeriod period = PayPeriod.parse(v.periodId());
        Path file = file(out, v.periodId(), v.serviceUserRef(), v.mentorRef(), v.run());
        try (Pdf pdf = Pdf.create(file, "Payslip " + v.periodId() + " " + v.mentorRef(), v.serviceUserName())) {
            pdf.title(v.run() > 1 ? "Payslip (supplementary payment)" : "Payslip");
            pdf.details(new String[][] {
                    {"Employer", v.serviceUserName() + " (" + v.serviceUserRef() + ")"},
                    {"Employee", v.mentorName() + " (" + v.mentorRef() + ")"},
                    {"Employer PAYE reference", v.payeRef() == null ? "not recorded" : v.payeRef()},
                    {"NI number", v.niMasked()},
                    {"Paid from", "personal budget, " + v.council()},
                    {"Address", v.address()},
                    {"Pay period", v.periodId() + ", " + Dates.forPeople(period.start()) + " to " + Dates.forPeople(period.end())},
                    {"Employment", v.employmentRef()},
                    {"Pay date", Dates.forPeople(v.payDate())},
                    {"Tax code / NI category", v.taxCode() + " / " + v.niCategory()},
                    {"Tax period", v.taxYear() + " " + v.frequency() + " period " + v.taxPeriod()},
                    {"Hours worked", PayslipMaker.hours(v.minutes())}}, 2);

            pdf.heading("Payments");
            Pdf.Table payments = pdf.table(new int[] {50, 13, 13, 15}, 1, "Description", "Hours", "Rate",
                    "Amount");
            for (PayslipDraft.Line line : v.lines()) {
                payments.row(line.description(), line.minutes() == null ? "" : PayslipMaker.hours(line.minutes()),
                        line.rate() == null ? "" : new HourlyRate(line.rate()).inPounds(), format(line.amount()));
            }
            payments.total("Gross pay", PayslipMaker.hours(v.minutes()), "", format(v.amounts().get("gross_pay"))).end();

            pdf.heading("Deductions");
            pdf.table(new int[] {63, 28}, 1, "Description", "Amount")
                    .row("Income tax (PAYE)", format(v.amounts().get("tax")))
                    .row("National Insurance (employee)", format(v.amounts().get("employee_nic")))
                    .row("Pension (employee)", format(v.amounts().get("employee_pension")))
                    .total("Total deductions", format(v.amounts().get("tax").add(v.amounts().get("employee_nic"))
                            .add(v.amounts().get("employee_pension"))))
                    .total("Net pay", format(v.amounts().get("net_pay")))
                    .end();

            pdf.heading("Paid by the employer from the personal budget");
            pdf.table(new int[] {63, 28}, 1, "Description", "Amount")
                    .row("Gross pay", format(v.amounts().get("gross_pay")))
                    .row("National Insurance (employer)", format(v.amounts().get("employer_nic")))
                    .row("Employment Allowance", format(v.amounts().get("employment_allowance_offset").negate()))
                    .row("Pension (employer)", format(v.amounts().get("employer_pension")))
                    .total("Employer cost", format(v.amounts().get("employer_cost")))
                    .end();

            pdf.heading("Tax year " + v.taxYear() + " to date");
            pdf.table(new int[] {10, 10, 10, 10, 10, 10, 10}, 0, "Gross pay", "Taxable pay", "Income tax", "Employee NI",
                    "Employee pension", "Employer NI", "Employer pension")
                    .row(format(v.yearToDate().get("gross_pay")), format(v.yearToDate().get("taxable_pay")),
                            format(v.yearToDate().get("tax")), format(v.yearToDate().get("employee_nic")),
                            format(v.yearToDate().get("employee_pension")), format(v.yearToDate().get("employer_nic")),
                            format(v.yearToDate().get("employer_pension")))
                    .end();

            pdf.heading("Pension and holiday");
            pdf.details(new String[][] {
                    {"Workplace pension", v.pensionNote()},
                    {"Holiday", v.amounts().get("holiday_pay").signum() != 0
                            ? "rolled-up holiday pay of 12.07% is paid with each period's pay"
                            : v.holidayMinutesAccrued() > 0 ? PayslipMaker.hours(v.holidayMinutesAccrued())
                                    + " accrued this period; balance " + PayslipMaker.hours((int) v.holidayBalance())
                                    : "none from this payroll"}}, 1);
            pdf.note("Pension (employee) is the amount taken from pay; under relief at source the scheme adds basic-rate"
                    + " tax relief. Produced by PeerPay for the employer named above.");
            pdf.commit();
        }
    }
}
