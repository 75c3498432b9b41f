package org.peerpay.filing;

import java.time.LocalDate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An employer's Employer Payment Summary, as HMRC's RTI specification lays it out: the claim of the Employment
 * Allowance for a tax year, or a tax month in which the employer paid nobody.
 */
final class EpsDocument {

    static final String MESSAGE_CLASS = "HMRC-PAYE-RTI-EPS";

    private EpsDocument() {
    }

    /**
     * The Employment Allowance claimed for the tax year. Someone employing care or support workers in their own home
     * is not an undertaking for the state aid rules, so the de minimis state aid sector is "not applicable".
     */
    static Document employmentAllowanceClaim(String namespace, FpsDocument.Employer employer, int taxYearStart) {
        Xml xml = new Xml();
        Document doc = xml.document();
        Element summary = summary(xml, doc, namespace, employer, taxYearStart);
        xml.text(summary, namespace, "EmpAllceInd", "yes");
        xml.text(xml.child(summary, namespace, "DeMinimisStateAid"), namespace, "NA", "yes");
        xml.text(summary, namespace, "RelatedTaxYear", FpsDocument.relatedTaxYear(taxYearStart));
        return doc;
    }

    /** No payment to any employee from one day to another (a tax month: the 6th to the 5th). */
    static Document noPayment(String namespace, FpsDocument.Employer employer, int taxYearStart, LocalDate from,
                              LocalDate to) {
        Xml xml = new Xml();
        Document doc = xml.document();
        Element summary = summary(xml, doc, namespace, employer, taxYearStart);
        xml.text(summary, namespace, "NoPaymentForPeriod", "yes");
        Element dates = xml.child(summary, namespace, "NoPaymentDates");
        xml.text(dates, namespace, "From", from.toString());
        xml.text(dates, namespace, "To", to.toString());
        xml.text(summary, namespace, "RelatedTaxYear", FpsDocument.relatedTaxYear(taxYearStart));
        return doc;
    }

    private static Element summary(Xml xml, Document doc, String namespace, FpsDocument.Employer employer,
                                   int taxYearStart) {
        Element envelope = FpsDocument.open(xml, doc, MESSAGE_CLASS, namespace, employer, taxYearStart);
        Element summary = xml.child(envelope, namespace, "EmployerPaymentSummary");
        FpsDocument.empRefs(xml, summary, namespace, employer);
        return summary;
    }
}
