package org.peerpay.filing;

import static org.peerpay.money.Gbp.format;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.money.MonetaryAmount;
import org.peerpay.calendar.Dates;
import org.peerpay.calendar.PayCalendar;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.documents.Pdf;
import org.peerpay.employment.Employment;
import org.peerpay.employment.Employments;
import org.peerpay.filing.PaidPayslips.PaidRun;
import org.peerpay.filing.PaidPayslips.Payslip;
import org.peerpay.money.Gbp;
import org.peerpay.people.People;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.system.OutputPaths;
import org.springframework.stereotype.Service;

/**
 * The forms an employer gives its employees: a P45 when one leaves (parts 1A, 2 and 3, as HMRC prescribes since RTI:
 * part 1 is the FPS's leaving date), written after the run that pays a leaver's final pay, under
 * {@code p45/<period>/}; and after the tax year's last pay date, a P60 for each employment still going at the year's
 * end, under {@code p60/<tax year>/}. They carry the NI number, as HMRC's forms do: owner-only files.
 */
@Service
public class StatutoryForms {

    private final PaidPayslips payslips;
    private final People people;
    private final Employments employments;
    private final PayCalendar calendar;

    StatutoryForms(PaidPayslips payslips, People people, Employments employments, PayCalendar calendar) {
        this.payslips = payslips;
        this.people = people;
        this.employments = employments;
        this.calendar = calendar;
    }

    /** Writes a P45 for each employment whose final pay a completed run of the period paid; returns the files. */
    public List<Path> writeP45s(PayPeriod period, Path outDir) {
        List<Path> written = new ArrayList<>();
        Map<Long, Employment> employmentsById = employments.all();
        Map<Long, People.ServiceUser> employers = people.serviceUsers();
        for (PaidRun run : payslips.completedRuns(period)) {
            Map<Long, List<Payslip>> byEmployment = payslips.yearToRun(run).stream().collect(Collectors.groupingBy(
                    Payslip::employmentId, LinkedHashMap::new, Collectors.toList()));
            byEmployment.forEach((id, year) -> {
                Employment employment = employmentsById.get(id);
                Payslip last = year.get(year.size() - 1);
                boolean finalPay = last.payRunId() == run.id() && employment.end() != null
                        && !employment.end().isAfter(period.end()) && year.stream().filter(p -> p != last)
                        .noneMatch(p -> !employment.end().isAfter(p.period().end()));
                if (!finalPay) {
                    return;
                }
                People.Employee employee = people.employeesForHmrc(List.of(employment.mentorId()))
                        .get(employment.mentorId());
                if (employee == null) {
                    return;
                }
                Path file = OutputPaths.under(outDir, "p45", period.id(), employment.ref() + "-P45.pdf");
                writeP45(file, employers.get(employment.serviceUserId()), employee, employment, last, year);
                written.add(file);
            });
        }
        return written;
    }

    private void writeP45(Path file, People.ServiceUser employer, People.Employee employee, Employment employment,
                          Payslip last, List<Payslip> year) {
        YearFigures figures = YearFigures.of(year);
        boolean cumulative = !last.week1Month1();
        MonetaryAmount previousPay = previous(employment, last).taxablePay();
        MonetaryAmount previousTax = previous(employment, last).tax();
        try (Pdf pdf = Pdf.createOwnerOnly(file, "P45 " + employment.ref(), "PeerPay")) {
            for (String part : List.of("Part 1A: copy for the employee",
                    "Part 2: for the new employer (the employee keeps part 1A and gives parts 2 and 3 to them)",
                    "Part 3: new employee details, for the new employer")) {
                pdf.title("P45  Details of employee leaving work");
                pdf.heading(part);
                pdf.details(new String[][] {
                        {"1 Employer PAYE reference", employer.employerPayeRef()},
                        {"2 Employee's National Insurance number", employee.niNumber().reveal()},
                        {"3 Surname", employee.surname()},
                        {"First name(s)", employee.forename()},
                        {"4 Leaving date", Dates.forPeople(employment.end())},
                        {"5 Student Loan deductions to continue", "No"},
                        {"6 Tax code at leaving date", last.taxCode().replaceFirst("(W1|M1|X)$", "")
                                + (cumulative ? "" : "  Week 1/Month 1 basis")},
                        {"7 Last entries: " + (last.period().frequency() == PayFrequency.MONTHLY ? "month" : "week"),
                                String.valueOf(last.period().frequency() == PayFrequency.MONTHLY ? last.taxPeriod()
                                        : PayPeriod.containing(PayFrequency.WEEKLY, last.payDate()).number())},
                        {"Total pay to date", cumulative ? format(figures.taxablePay().add(previousPay)) : "(week 1/month 1:"
                                + " not given)"},
                        {"Total tax to date", cumulative ? format(figures.tax().add(previousTax)) : "(week 1/month 1:"
                                + " not given)"},
                        {"8 This employment: pay", format(figures.taxablePay())},
                        {"This employment: tax", format(figures.tax())},
                        {"9 Works number / payroll number", employment.ref()},
                        {"10 Gender", employee.gender() == 'F' ? "Female" : "Male"},
                        {"Date of birth", Dates.forPeople(employee.dateOfBirth())},
                        {"11 Employee's address", String.join(", ", employee.addressLines()) + ", "
                                + employee.postcode()},
                        {"12 Employer", employer.name() + " (" + employer.ref() + "), a personal budget holder"
                                + " funded by " + employer.council()},
                        {"Certified", "The details above are correct (issued " + Dates.forPeople(last.payDate())
                                + ")"}}, 2);
                pdf.note("To the employee: keep part 1A (you may need it for a tax return); give parts 2 and 3 to"
                        + " your new employer, or to Jobcentre Plus if you claim benefits. Produced by PeerPay.");
            }
            pdf.commit();
        }
    }

    /** The previous employment's pay and tax from its P45, when this employment began in the payslip's tax year. */
    private static Employment.P45 previous(Employment employment, Payslip payslip) {
        LocalDate yearStart = LocalDate.of(PayPeriod.taxYearOf(payslip.payDate()), 4, 6);
        if (employment.p45() == null || employment.start().isBefore(yearStart)) {
            return new Employment.P45(Gbp.ZERO, Gbp.ZERO);
        }
        return employment.p45();
    }

    /**
     * Writes a P60 for each employment paid in the tax year and still going on its last day, once the day is past
     * every pay frequency's last pay date of the year; returns the files (none before then).
     */
    public List<Path> writeP60s(String taxYear, LocalDate asOf, Path outDir) {
        int start = Integer.parseInt(taxYear.substring(0, 4));
        LocalDate yearEnd = LocalDate.of(start + 1, 4, 5);
        for (PayFrequency frequency : PayFrequency.values()) {
            if (!asOf.isAfter(calendar.lastPayDate(frequency, start))) {
                return List.of();
            }
        }
        Map<Long, Employment> employmentsById = employments.all();
        Map<Long, People.ServiceUser> employers = people.serviceUsers();
        Map<Long, List<Payslip>> byEmployment = payslips.ofTaxYear(taxYear).stream().collect(Collectors.groupingBy(
                Payslip::employmentId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, People.Employee> employees = people.employeesForHmrc(byEmployment.values().stream()
                .map(list -> list.get(0).mentorId()).collect(Collectors.toSet()));
        List<Path> written = new ArrayList<>();
        byEmployment.forEach((id, year) -> {
            Employment employment = employmentsById.get(id);
            People.Employee employee = employees.get(employment.mentorId());
            if (employee == null || employment.end() != null && employment.end().isBefore(yearEnd)) {
                return;
            }
            Path file = OutputPaths.under(outDir, "p60", taxYear, employment.ref() + "-P60.pdf");
            writeP60(file, taxYear, employers.get(employment.serviceUserId()), employee, employment, year);
            written.add(file);
        });
        return written;
    }

    private void writeP60(Path file, String taxYear, People.ServiceUser employer, People.Employee employee,
                          Employment employment, List<Payslip> year) {
        YearFigures figures = YearFigures.of(year);
        Payslip last = year.get(year.size() - 1);
        Employment.P45 previous = previous(employment, year.get(0));
        try (Pdf pdf = Pdf.createOwnerOnly(file, "P60 " + taxYear + " " + employment.ref(), "PeerPay")) {
            pdf.title("P60  End of year certificate, tax year to 5 April " + (Integer.parseInt(taxYear.substring(0, 4))
                    + 1));
            pdf.details(new String[][] {
                    {"Surname", employee.surname()},
                    {"Forenames or initials", employee.forename()},
                    {"National Insurance number", employee.niNumber().reveal()},
                    {"Payroll or works number", employment.ref()}}, 2);
            pdf.heading("Pay and Income Tax details");
            pdf.table(new int[] {40, 16, 16}, 1, "", "Pay", "Tax deducted")
                    .row("In previous employment(s)", format(previous.taxablePay()), format(previous.tax()))
                    .row("In this employment", format(figures.taxablePay()), format(figures.tax()))
                    .total("Total for year", format(previous.taxablePay().add(figures.taxablePay())),
                            format(previous.tax().add(figures.tax())))
                    .end();
            pdf.details(new String[][] {{"Final tax code", last.taxCode()}}, 2);
            pdf.heading("National Insurance contributions in this employment");
            Pdf.Table nic = pdf.table(new int[] {10, 18, 18, 18, 22}, 1, "NIC letter", "Earnings at the LEL",
                    "Earnings above the LEL, up to the PT", "Earnings above the PT, up to the UEL",
                    "Employee's contributions due on all earnings above the PT");
            figures.letters().forEach((letter, values) -> nic.row(String.valueOf(letter),
                    format(values.bands().atLel()), format(values.bands().lelToPt()),
                    format(values.bands().ptToUel()), format(values.employeeNic())));
            nic.end();
            pdf.details(new String[][] {
                    {"Statutory payments", "none"},
                    {"Student Loan deductions", "none"},
                    {"Employer", employer.name() + " (" + employer.ref() + "), a personal budget holder funded by "
                            + employer.council()},
                    {"Employer PAYE reference", employer.employerPayeRef()}}, 2);
            pdf.note("Certificate by employer: this form shows your total pay for Income Tax purposes in this"
                    + " employment for the year. Any overtime, bonus, commission and so on is included. Keep it in a"
                    + " safe place: you will need it if you have to fill in a tax return. Produced by PeerPay.");
            pdf.commit();
        }
    }
}
