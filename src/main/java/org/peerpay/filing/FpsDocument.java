package org.peerpay.filing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.money.MonetaryAmount;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.employment.Employment;
import org.peerpay.filing.PaidPayslips.PaidRun;
import org.peerpay.filing.PaidPayslips.Payslip;
import org.peerpay.money.Gbp;
import org.peerpay.people.People;
import org.peerpay.statutory.PayFrequency;
import org.peerpay.statutory.PensionBasis;
import org.peerpay.statutory.StarterDeclaration;
import org.peerpay.statutory.TaxCode;
import org.peerpay.statutory.TaxRegion;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One employer's Full Payment Submission for one pay run, as HMRC's RTI specification lays it out: the GovTalk
 * envelope, the {@code IRenvelope} with its header (the IRmark is added by {@link IrMark}), the employer's
 * references and, per mentor, each employment paid by the run with its figures to date, its payment and its NI
 * letters and values. Figures to date are this employment's in the tax year (a P45's are not added, as HMRC asks).
 */
final class FpsDocument {

    static final String GOVTALK = "http://www.govtalk.gov.uk/CM/envelope";
    static final String MESSAGE_CLASS = "HMRC-PAYE-RTI-FPS";

    /** An employer as HMRC knows it. */
    record Employer(String ref, String payeRef, String accountsOfficeRef) {

        String taxOfficeNumber() {
            return payeRef.substring(0, payeRef.indexOf('/'));
        }

        String taxOfficeReference() {
            return payeRef.substring(payeRef.indexOf('/') + 1);
        }
    }

    /** One employment paid by the run, with its payslips of the tax year up to the run's (the run's last). */
    record Paid(People.Employee employee, Employment employment, List<Payslip> yearToRun) {

        Payslip thisRun() {
            return yearToRun.get(yearToRun.size() - 1);
        }
    }

    private final Xml xml;
    private final String fps;

    private FpsDocument(String namespace) {
        this.xml = new Xml();
        this.fps = namespace;
    }

    /**
     * The document, IRmark still empty.
     *
     * @param namespace     the FPS namespace of the run's tax year
     * @param finalForYear  true on the employer's last FPS of the tax year
     */
    static Document build(String namespace, Employer employer, PaidRun run, List<Paid> paid, boolean finalForYear) {
        return new FpsDocument(namespace).document(employer, run, paid, finalForYear);
    }

    private Document document(Employer employer, PaidRun run, List<Paid> paid, boolean finalForYear) {
        Document doc = xml.document();
        int taxYearStart = PayPeriod.taxYearOf(run.payDate());
        Element envelope = open(xml, doc, MESSAGE_CLASS, fps, employer, taxYearStart);
        Element submission = xml.child(envelope, fps, "FullPaymentSubmission");
        empRefs(xml, submission, fps, employer);
        xml.text(submission, fps, "RelatedTaxYear", relatedTaxYear(taxYearStart));
        Map<Long, List<Paid>> byMentor = paid.stream().collect(Collectors.groupingBy(p -> p.employee().id(),
                LinkedHashMap::new, Collectors.toList()));
        byMentor.values().forEach(employments -> employee(submission, run, employments));
        if (finalForYear) {
            xml.text(xml.child(submission, fps, "FinalSubmission"), fps, "ForYear", "yes");
        }
        return doc;
    }

    /**
     * A GovTalk message for an employer's RTI submission, up to its {@code IRenvelope} and header (IRmark empty):
     * returns the envelope, for the message's own element.
     */
    static Element open(Xml xml, Document doc, String messageClass, String namespace, Employer employer,
                        int taxYearStart) {
        Element message = doc.createElementNS(GOVTALK, "GovTalkMessage");
        doc.appendChild(message);
        xml.text(message, GOVTALK, "EnvelopeVersion", "2.0");
        Element details = xml.child(xml.child(message, GOVTALK, "Header"), GOVTALK, "MessageDetails");
        xml.text(details, GOVTALK, "Class", messageClass);
        xml.text(details, GOVTALK, "Qualifier", "request");
        xml.text(details, GOVTALK, "Function", "submit");
        xml.text(details, GOVTALK, "CorrelationID", "");
        xml.text(details, GOVTALK, "Transformation", "XML");
        Element govTalkDetails = xml.child(message, GOVTALK, "GovTalkDetails");
        keys(xml, xml.child(govTalkDetails, GOVTALK, "Keys"), GOVTALK, employer);
        Element channel = xml.child(xml.child(govTalkDetails, GOVTALK, "ChannelRouting"), GOVTALK, "Channel");
        xml.text(channel, GOVTALK, "Name", "PeerPay");
        xml.text(channel, GOVTALK, "Product", "PeerPay");
        xml.text(channel, GOVTALK, "Version", "1.0");

        Element envelope = xml.child(xml.child(message, GOVTALK, "Body"), namespace, "IRenvelope");
        Element header = xml.child(envelope, namespace, "IRheader");
        keys(xml, xml.child(header, namespace, "Keys"), namespace, employer);
        xml.text(header, namespace, "PeriodEnd", LocalDate.of(taxYearStart + 1, 4, 5).toString());
        xml.text(header, namespace, "DefaultCurrency", "GBP");
        xml.child(header, namespace, "IRmark").setAttribute("Type", "generic");
        xml.text(header, namespace, "Sender", "Employer");
        return envelope;
    }

    /** The employer's references, as a message starts with them. */
    static void empRefs(Xml xml, Element parent, String namespace, Employer employer) {
        Element refs = xml.child(parent, namespace, "EmpRefs");
        xml.text(refs, namespace, "OfficeNo", employer.taxOfficeNumber());
        xml.text(refs, namespace, "PayeRef", employer.taxOfficeReference());
        xml.text(refs, namespace, "AORef", employer.accountsOfficeRef());
    }

    private static void keys(Xml xml, Element keys, String namespace, Employer employer) {
        xml.text(keys, namespace, "Key", employer.taxOfficeNumber()).setAttribute("Type", "TaxOfficeNumber");
        xml.text(keys, namespace, "Key", employer.taxOfficeReference()).setAttribute("Type", "TaxOfficeReference");
    }

    /** Like {@code 26-27}. */
    static String relatedTaxYear(int start) {
        return String.format("%02d-%02d", start % 100, (start + 1) % 100);
    }

    private void employee(Element submission, PaidRun run, List<Paid> employments) {
        People.Employee person = employments.get(0).employee();
        Element employee = xml.child(submission, fps, "Employee");
        Element details = xml.child(employee, fps, "EmployeeDetails");
        xml.text(details, fps, "NINO", person.niNumber().reveal());
        Element name = xml.child(details, fps, "Name");
        xml.text(name, fps, "Fore", person.forename());
        xml.text(name, fps, "Sur", person.surname());
        Element address = xml.child(details, fps, "Address");
        person.addressLines().forEach(line -> xml.text(address, fps, "Line", line));
        xml.text(address, fps, "UKPostcode", person.postcode());
        xml.text(details, fps, "BirthDate", person.dateOfBirth().toString());
        xml.text(details, fps, "Gender", String.valueOf(person.gender()));
        employments.forEach(paid -> employment(employee, run, paid));
    }

    private void employment(Element employee, PaidRun run, Paid paid) {
        Employment employment = paid.employment();
        Payslip now = paid.thisRun();
        Element element = xml.child(employee, fps, "Employment");
        if (isStarter(paid, run)) {
            Element starter = xml.child(element, fps, "Starter");
            xml.text(starter, fps, "StartDate", employment.start().toString());
            StarterDeclaration declared = employment.starter() == null ? StarterDeclaration.C : employment.starter();
            xml.text(starter, fps, "StartDec", declared.name());
        }
        xml.text(element, fps, "PayId", employment.ref());
        boolean left = employment.end() != null && !employment.end().isAfter(run.period().end());
        if (left) {
            xml.text(element, fps, "LeavingDate", employment.end().toString());
        }

        YearFigures year = YearFigures.of(paid.yearToRun());
        Element toDate = xml.child(element, fps, "FiguresToDate");
        xml.text(toDate, fps, "TaxablePay", money(year.taxablePay()));
        xml.text(toDate, fps, "TotalTax", money(year.tax()));
        MonetaryAmount netPayPension = pension(paid.yearToRun(), PensionBasis.NET_PAY);
        MonetaryAmount reliefAtSource = pension(paid.yearToRun(), PensionBasis.RELIEF_AT_SOURCE);
        if (!netPayPension.isZero()) {
            xml.text(toDate, fps, "EmpeePenContribnsPaidYTD", money(netPayPension));
        }
        if (!reliefAtSource.isZero()) {
            xml.text(toDate, fps, "EmpeePenContribnsNotPaidYTD", money(reliefAtSource));
        }

        Element payment = xml.child(element, fps, "Payment");
        PayFrequency frequency = now.period().frequency();
        xml.text(payment, fps, "PayFreq", payFrequency(frequency));
        xml.text(payment, fps, "PmtDate", now.payDate().toString());
        if (frequency == PayFrequency.MONTHLY) {
            xml.text(payment, fps, "MonthNo", String.valueOf(now.taxPeriod()));
        } else {
            xml.text(payment, fps, "WeekNo",
                    String.valueOf(PayPeriod.containing(PayFrequency.WEEKLY, now.payDate()).number()));
        }
        xml.text(payment, fps, "PeriodsCovered", "1");
        if (left && leavingReportedBefore(paid, run)) {
            xml.text(payment, fps, "PmtAfterLeaving", "yes");
        }
        xml.text(payment, fps, "HoursWorked", hoursBand(now.minutes(), now.period()));
        taxCode(payment, now);
        xml.text(payment, fps, "TaxablePay", money(now.taxablePay()));
        if (now.pensionBasis() == PensionBasis.NET_PAY) {
            xml.text(payment, fps, "EmpeePenContribnsPaid", money(now.employeePension()));
        } else if (now.pensionBasis() == PensionBasis.RELIEF_AT_SOURCE) {
            xml.text(payment, fps, "EmpeePenContribnsNotPaid", money(now.employeePension()));
        }
        xml.text(payment, fps, "TaxDeductedOrRefunded", money(now.tax()));

        year.letters().forEach((letter, figures) -> niLetter(element, letter, figures, now));
    }

    /** The run is the employment's first payslip, and the employment began in the run's tax year. */
    private static boolean isStarter(Paid paid, PaidRun run) {
        LocalDate yearStart = LocalDate.of(PayPeriod.taxYearOf(run.payDate()), 4, 6);
        return paid.yearToRun().size() == 1 && !paid.employment().start().isBefore(yearStart);
    }

    /** An earlier FPS of the year reported the leaving date already: a payment after leaving. */
    private static boolean leavingReportedBefore(Paid paid, PaidRun run) {
        LocalDate end = paid.employment().end();
        return paid.yearToRun().stream().filter(p -> p.payRunId() != run.id())
                .anyMatch(p -> !end.isAfter(p.period().end()));
    }

    private void taxCode(Element payment, Payslip now) {
        String text = now.taxCode().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        TaxCode code = TaxCode.parse(text);
        String body = text.substring(code.region().prefix().length()).replaceFirst("(W1|M1|X)$", "");
        Element element = xml.text(payment, fps, "TaxCode", body);
        if (now.week1Month1() || code.nonCumulative()) {
            element.setAttribute("BasisNonCumulative", "yes");
        }
        if (code.region() != TaxRegion.REST_OF_UK) {
            element.setAttribute("TaxRegime", code.region().prefix());
        }
    }

    private void niLetter(Element employment, char letter, YearFigures.Letter year, Payslip now) {
        boolean inPeriod = now.niCategory() == letter;
        Element values = xml.child(employment, fps, "NIlettersAndValues");
        xml.text(values, fps, "NIletter", String.valueOf(letter));
        xml.text(values, fps, "GrossEarningsForNICsInPd", inPeriod ? money(now.niablePay()) : "0.00");
        xml.text(values, fps, "GrossEarningsForNICsYTD", money(year.earnings()));
        xml.text(values, fps, "AtLELYTD", pounds(year.bands().atLel()));
        xml.text(values, fps, "LELtoPTYTD", pounds(year.bands().lelToPt()));
        xml.text(values, fps, "PTtoUELYTD", pounds(year.bands().ptToUel()));
        xml.text(values, fps, "TotalEmpNICInPd", inPeriod ? money(now.employeeNic().add(now.employerNic())) : "0.00");
        xml.text(values, fps, "TotalEmpNICYTD", money(year.employeeNic().add(year.employerNic())));
        xml.text(values, fps, "EmpeeContribnsInPd", inPeriod ? money(now.employeeNic()) : "0.00");
        xml.text(values, fps, "EmpeeContribnsYTD", money(year.employeeNic()));
    }

    static String payFrequency(PayFrequency frequency) {
        return switch (frequency) {
            case WEEKLY -> "W1";
            case TWO_WEEKLY -> "W2";
            case FOUR_WEEKLY -> "W4";
            case MONTHLY -> "M1";
        };
    }

    /**
     * HMRC's band of the hours normally worked a week: the period's paid hours over its weeks; A up to 15.99,
     * B 16 to 23.99, C 24 to 29.99, D 30 or more.
     */
    static String hoursBand(int minutes, PayPeriod period) {
        BigDecimal weekly = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60).multiply(period.weeks()), 2,
                RoundingMode.DOWN);
        return weekly.compareTo(BigDecimal.valueOf(16)) < 0 ? "A"
                : weekly.compareTo(BigDecimal.valueOf(24)) < 0 ? "B"
                : weekly.compareTo(BigDecimal.valueOf(30)) < 0 ? "C" : "D";
    }

    private static MonetaryAmount pension(List<Payslip> payslips, PensionBasis basis) {
        return YearFigures.sum(payslips.stream().filter(p -> p.pensionBasis() == basis).toList(),
                Payslip::employeePension);
    }

    static String money(MonetaryAmount amount) {
        return Gbp.pounds(amount).toPlainString();
    }

    private static String pounds(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }
}
