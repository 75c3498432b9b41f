package org.peerpay.filing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.money.MonetaryAmount;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.csv.CsvOutput;
import org.peerpay.filing.PaidPayslips.Payslip;
import org.peerpay.money.Gbp;
import org.peerpay.people.People;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.statutory.TaxYears;
import org.peerpay.system.OutputPaths;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;

/**
 * Each employer's account with HMRC for a tax year: what it owes HMRC each tax month (a P32-style record: PAYE,
 * employee and employer NIC, the Employment Allowance used, the net due and when), and the Employer Payment
 * Summaries it sends (the Employment Allowance claim, a month in which it paid nobody). Written under
 * {@code rti/<tax year>/}.
 */
@Service
public class HmrcAccount {

    /** HMRC allows quarterly payment while the average monthly amount due is under this. */
    static final BigDecimal QUARTERLY_BELOW = new BigDecimal("1500.00");
    static final String[] P32_COLUMNS = {"tax_year", "tax_month", "service_user_ref", "employer_paye_ref",
            "paye_tax", "employee_nic", "employer_nic", "employment_allowance", "net_due", "net_due_year_to_date",
            "pays", "due_date"};

    private final PaidPayslips payslips;
    private final People people;
    private final TaxYears taxYears;
    private final RtiFilings filings;
    private final StatutoryForms forms;

    HmrcAccount(PaidPayslips payslips, People people, TaxYears taxYears, RtiFilings filings, StatutoryForms forms) {
        this.forms = forms;
        this.payslips = payslips;
        this.people = people;
        this.taxYears = taxYears;
        this.filings = filings;
    }

    /**
     * One employer's tax month: amounts in pounds to the penny.
     *
     * @param taxMonth 1 (6 April to 5 May) to 12
     * @param quarterly true when the employer may pay quarterly: its average monthly amount due, over the months from
     *     its first payment through PeerPay in the year to its last, is under £1,500
     * @param dueDate the 22nd after the month (or quarter) ends: the day an electronic payment must reach HMRC
     */
    public record P32Month(String taxYear, int taxMonth, long serviceUserId, String employerRef, MonetaryAmount tax,
                           MonetaryAmount employeeNic, MonetaryAmount employerNic,
                           MonetaryAmount employmentAllowance, MonetaryAmount netDue, MonetaryAmount netDueToDate,
                           boolean quarterly, LocalDate dueDate) {
    }

    /** The tax months of a tax year ({@code 2026-27}) in which each employer paid someone, by employer and month. */
    public List<P32Month> p32(String taxYear) {
        Map<Long, People.ServiceUser> employers = people.serviceUsers();
        Map<Long, TreeMap<Integer, List<Payslip>>> byEmployer = new TreeMap<>();
        for (Payslip p : payslips.ofTaxYear(taxYear)) {
            byEmployer.computeIfAbsent(p.serviceUserId(), id -> new TreeMap<>())
                    .computeIfAbsent(taxMonth(p.payDate()), m -> new ArrayList<>()).add(p);
        }
        List<P32Month> months = new ArrayList<>();
        byEmployer.forEach((employerId, byMonth) -> {
            MonetaryAmount toDate = Gbp.ZERO;
            MonetaryAmount yearNet = byMonth.values().stream().flatMap(List::stream).map(HmrcAccount::netDue)
                    .reduce(Gbp.ZERO, MonetaryAmount::add);
            int monthsOnPeerPay = byMonth.lastKey() - byMonth.firstKey() + 1;
            boolean quarterly = Gbp.pounds(yearNet).divide(BigDecimal.valueOf(monthsOnPeerPay), 2,
                    java.math.RoundingMode.HALF_UP).compareTo(QUARTERLY_BELOW) < 0;
            for (Map.Entry<Integer, List<Payslip>> month : byMonth.entrySet()) {
                List<Payslip> paid = month.getValue();
                MonetaryAmount net = sum(paid, HmrcAccount::netDue);
                toDate = toDate.add(net);
                months.add(new P32Month(taxYear, month.getKey(), employerId, employers.get(employerId).ref(),
                        sum(paid, Payslip::tax), sum(paid, Payslip::employeeNic), sum(paid, Payslip::employerNic),
                        sum(paid, Payslip::employmentAllowance), net, toDate, quarterly,
                        dueDate(Integer.parseInt(taxYear.substring(0, 4)), month.getKey(), quarterly)));
            }
        });
        return months;
    }

    /** What the employer owes HMRC for a payslip: tax and both NICs, less the Employment Allowance. */
    private static MonetaryAmount netDue(Payslip p) {
        return p.tax().add(p.employeeNic()).add(p.employerNic()).subtract(p.employmentAllowance());
    }

    static int taxMonth(LocalDate payDate) {
        return PayPeriod.containing(PayFrequency.MONTHLY, payDate).number();
    }

    /** The 22nd of the month in which the tax month (or, paying quarterly, its quarter) ends on the 5th. */
    static LocalDate dueDate(int taxYearStart, int taxMonth, boolean quarterly) {
        int lastMonth = quarterly ? ((taxMonth - 1) / 3 + 1) * 3 : taxMonth;
        return LocalDate.of(taxYearStart, 4, 22).plusMonths(lastMonth);
    }

    private static MonetaryAmount sum(List<Payslip> paid, Function<Payslip, MonetaryAmount> figure) {
        return paid.stream().map(figure).reduce(Gbp.ZERO, MonetaryAmount::add);
    }

    /** What writing a tax year's HMRC account did. */
    /** @param p60s written once the tax year's last pay date is past */
    public record Outcome(String taxYear, Path p32, List<Path> eps, List<Path> p60s, List<String> problems) {
    }

    /**
     * Writes the tax year's P32 ({@code rti/<tax year>/p32.csv}) and the EPSs due by a day: the Employment Allowance
     * claim of each registered employer that claims it and has paid someone in the year, and a no-payment EPS for
     * each tax month that has ended since the employer's first payment through PeerPay in which it paid nobody; and,
     * once the year's last pay date is past, the P60s.
     */
    public Outcome write(String taxYear, LocalDate asOf, Path outDir) {
        List<P32Month> months = p32(taxYear);
        Path directory = OutputPaths.under(outDir, "rti", taxYear);
        Path p32 = directory.resolve("p32.csv");
        try (CsvOutput csv = CsvOutput.create(p32, P32_COLUMNS)) {
            Map<Long, String> payeRefs = people.serviceUsers().values().stream().filter(su -> su.employerPayeRef()
                    != null).collect(Collectors.toMap(People.ServiceUser::id, People.ServiceUser::employerPayeRef));
            for (P32Month m : months) {
                csv.row(m.taxYear(), m.taxMonth(), m.employerRef(), payeRefs.getOrDefault(m.serviceUserId(), ""),
                        Gbp.pounds(m.tax()), Gbp.pounds(m.employeeNic()), Gbp.pounds(m.employerNic()),
                        Gbp.pounds(m.employmentAllowance()), Gbp.pounds(m.netDue()), Gbp.pounds(m.netDueToDate()),
                        m.quarterly() ? "quarterly" : "monthly", m.dueDate().toString());
            }
            csv.commit();
        }

        List<Path> eps = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int start = Integer.parseInt(taxYear.substring(0, 4));
        String namespace = taxYears.get(taxYear).rtiNamespace("employerPaymentSummary");
        Map<Long, TreeMap<Integer, List<P32Month>>> paidMonths = months.stream().collect(Collectors.groupingBy(
                P32Month::serviceUserId, Collectors.groupingBy(P32Month::taxMonth, TreeMap::new,
                        Collectors.toList())));
        for (People.ServiceUser employer : people.serviceUsers().values()) {
            TreeMap<Integer, List<P32Month>> paid = paidMonths.get(employer.id());
            if (paid == null || employer.employerPayeRef() == null) {
                continue;
            }
            People.EmployerAccounts accounts = people.employerAccounts(employer.id());
            FpsDocument.Employer hmrc = new FpsDocument.Employer(employer.ref(), accounts.employerPayeRef(),
                    accounts.accountsOfficeRef());
            if (employer.employmentAllowance()) {
                write(EpsDocument.employmentAllowanceClaim(namespace, hmrc, start),
                        directory.resolve(OutputPaths.name(employer.ref() + "-EPS-employment-allowance.xml")), eps,
                        problems, employer.ref());
            }
            for (int month = paid.firstKey(); month <= 12; month++) {
                LocalDate from = LocalDate.of(start, 4, 6).plusMonths(month - 1);
                LocalDate to = from.plusMonths(1).minusDays(1);
                if (!to.isBefore(asOf)) {
                    break;
                }
                if (!paid.containsKey(month)) {
                    write(EpsDocument.noPayment(namespace, hmrc, start, from, to), directory.resolve(OutputPaths.name(
                            employer.ref() + "-EPS-M" + String.format("%02d", month) + "-no-payment.xml")), eps,
                            problems, employer.ref());
                }
            }
        }
        return new Outcome(taxYear, p32, eps, forms.writeP60s(taxYear, asOf, outDir), problems);
    }

    private void write(Document document, Path file, List<Path> written, List<String> problems, String employer) {
        RtiFilings.Checked checked = filings.writeChecked(document, file);
        if (checked.problems().isEmpty()) {
            written.add(file);
        } else {
            problems.add(employer + ": " + file.getFileName() + " not written: it fails " + checked.checkedAgainst()
                    + ": " + String.join("; ", checked.problems()));
        }
    }
}
