package org.peerpay.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peerpay.calendar.PayPeriod;
import org.peerpay.support.CouncilTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.w3c.dom.Document;
import org.w3c.dom.Node;

/**
 * The Full Payment Submission after a pay run. E1 (Jo Bloggs, SU1, £15.00, started 6 April 2026, code 1257L
 * cumulative, NI letter A) works 80 hours in 4W08 (19 Oct – 15 Nov 2026, paid Friday 20 November: tax week 33):
 * 1200.00 + rolled-up holiday 144.84 = 1344.84. Four-weekly NI thresholds 2026-27 (annual ÷ 13, up to the pound):
 * LEL 516, PT 967, ST 385. Employee NIC (1344.84 − 967) × 8% = 30.2272 → 30.23; employer (1344.84 − 385) × 15% =
 * 143.976 → 143.98; bands at LEL 516.00, LEL to PT 451.00, PT to UEL 377.84.
 */
class FpsTests extends CouncilTest {

    static final PayPeriod P08 = PayPeriod.parse("2026-27/4W08");
    static final String FPS_2627 = "http://www.govtalk.gov.uk/taxation/PAYE/RTI/FullPaymentSubmission/26-27/1";

    @Autowired
    RtiFilings filings;

    @Autowired
    RtiValidator validator;

    @BeforeEach
    void eightyHoursOfE1() {
        smallCouncil(true);
        importEightyHoursOfE1();
    }

    @Test
    void anEmployerPaidByARunGetsAnFpsThatPassesHmrcsSchemaAndRulesWithItsFiguresToThePenny() throws Exception {
        payRuns.pay(P08, OUT);

        RtiFilings.Outcome outcome = filings.writeFps(P08, OUT);

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.written()).extracting(RtiFilings.Written::employerRef).containsExactly("SU1");
        Path file = outcome.written().get(0).file();
        assertThat(file).isEqualTo(OUT.resolve("rti/2026-27/4W08/SU1-FPS.xml"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        RtiValidator.Report report = validator.check(Files.readAllBytes(file));
        assertThat(report.problems()).isEmpty();
        assertThat(report.checkedAgainst()).contains("mapped forward to 26-27");

        Document fps = new Xml().parse(Files.readAllBytes(file));
        String employment = "//f:Employee/f:Employment/";
        assertThat(values(fps, Map.ofEntries(
                Map.entry("//f:EmpRefs/f:OfficeNo", "120"),
                Map.entry("//f:EmpRefs/f:PayeRef", "PB00001"),
                Map.entry("//f:EmpRefs/f:AORef", "123PG00012345"),
                Map.entry("//f:RelatedTaxYear", "26-27"),
                Map.entry("//f:IRheader/f:PeriodEnd", "2027-04-05"),
                Map.entry("//f:EmployeeDetails/f:NINO", "AB123456C"),
                Map.entry("//f:EmployeeDetails/f:Name/f:Fore", "Jo"),
                Map.entry("//f:EmployeeDetails/f:Gender", "F"),
                Map.entry(employment + "f:Starter/f:StartDate", "2026-04-06"),
                Map.entry(employment + "f:PayId", "E1"),
                Map.entry(employment + "f:Payment/f:PayFreq", "W4"),
                Map.entry(employment + "f:Payment/f:PmtDate", "2026-11-20"),
                Map.entry(employment + "f:Payment/f:WeekNo", "33"),
                Map.entry(employment + "f:Payment/f:HoursWorked", "B"),
                Map.entry(employment + "f:Payment/f:TaxCode", "1257L"),
                Map.entry(employment + "f:NIlettersAndValues/f:NIletter", "A"),
                Map.entry(employment + "f:NIlettersAndValues/f:GrossEarningsForNICsInPd", "1344.84"),
                Map.entry(employment + "f:NIlettersAndValues/f:AtLELYTD", "516.00"),
                Map.entry(employment + "f:NIlettersAndValues/f:LELtoPTYTD", "451.00"),
                Map.entry(employment + "f:NIlettersAndValues/f:PTtoUELYTD", "377.84"),
                Map.entry(employment + "f:NIlettersAndValues/f:EmpeeContribnsInPd", "30.23"),
                Map.entry(employment + "f:NIlettersAndValues/f:TotalEmpNICInPd", "174.21")))).isEmpty();
        // tax and the pension contribution as the payslip has them (PAYE and pensions are proven elsewhere)
        Map<String, Object> payslip = jdbc.queryForMap("select taxable_pay, tax, employee_pension from payslip");
        assertThat(text(fps, employment + "f:Payment/f:TaxablePay")).isEqualTo(payslip.get("taxable_pay").toString());
        assertThat(text(fps, employment + "f:Payment/f:TaxDeductedOrRefunded")).isEqualTo(payslip.get("tax").toString());
        assertThat(text(fps, employment + "f:FiguresToDate/f:TaxablePay")).isEqualTo(payslip.get("taxable_pay").toString());
    }

    @Test
    void anEmployerWithoutAPayeReferenceFilesNothingAndAMentorMissingHmrcDetailsIsSaidNotWritten() {
        importShifts("su2.csv", "M1,SU2,2026-10-28,08:00,12:00,0,,\n");
        jdbc.update("update mentor set gender = null where ref = 'M1'");
        payRuns.pay(P08, OUT);

        RtiFilings.Outcome outcome = filings.writeFps(P08, OUT);

        assertThat(outcome.written()).isEmpty();
        assertThat(outcome.notRegistered()).containsExactly("SU2");
        assertThat(outcome.problems()).containsExactly("SU1: no FPS written: M1 has no gender, forename or postcode"
                + " recorded (mentors.csv). Add it to reference data, load it, then run: peerpay rti fps --period"
                + " 2026-27/4W08");
        assertThat(OUT.resolve("rti/2026-27/4W08/SU1-FPS.xml")).doesNotExist();
    }

    @Test
    void aLeaverIsReportedWithTheirLeavingDate() throws Exception {
        jdbc.update("update employment set end_date = '2026-10-31' where ref = 'E1'");
        payRuns.pay(P08, OUT);

        Path file = filings.writeFps(P08, OUT).written().get(0).file();

        Document fps = new Xml().parse(Files.readAllBytes(file));
        assertThat(text(fps, "//f:Employment/f:LeavingDate")).isEqualTo("2026-10-31");
        assertThat(validator.check(Files.readAllBytes(file)).problems()).isEmpty();
    }

    @Test
    void theValidatorFindsWhatHmrcWouldReject() throws Exception {
        payRuns.pay(P08, OUT);
        byte[] good = Files.readAllBytes(filings.writeFps(P08, OUT).written().get(0).file());
        String text = new String(good, StandardCharsets.UTF_8);

        // a figure changed after the IRmark was computed
        assertThat(validator.check(text.replace("<TaxablePay>1344.84", "<TaxablePay>1344.85")
                .getBytes(StandardCharsets.UTF_8)).problems())
                .singleElement().asString().startsWith("IRmark: the message carries");
        // the schema: a gender HMRC does not take (re-marked, so only the schema speaks)
        assertThat(restamped(text.replace("<Gender>F</Gender>", "<Gender>X</Gender>")).problems())
                .anySatisfy(p -> assertThat(p).startsWith("FullPaymentSubmission schema:").contains("'X'"));
        // a business rule: NI letter B is for women born before 6 April 1961 only
        assertThat(restamped(text.replace("<NIletter>A</NIletter>", "<NIletter>B</NIletter>")).problems())
                .singleElement().asString().startsWith("business rule 7955 at /GovTalkMessage[1]/Body[1]");
        // the year mapped forward: a 26-27 message must say 26-27
        assertThat(restamped(text.replace("<RelatedTaxYear>26-27<", "<RelatedTaxYear>25-26<")).problems())
                .anySatisfy(p -> assertThat(p).startsWith("business rule 7889"));
        // the 25-26 schema's payment dates, mapped forward: a 26-27 payment dated in 2025-26 is out of range
        assertThat(restamped(text.replace("<PmtDate>2026-11-20", "<PmtDate>2025-11-21")).problems())
                .anySatisfy(p -> assertThat(p).startsWith("FullPaymentSubmission schema:").contains("2025-11-21"));
    }

    @Test
    void theIrMarkIsHmrcsDigestOfTheCanonicalBody() throws Exception {
        String message = """
                <?xml version="1.0" encoding="UTF-8"?>
                <GovTalkMessage xmlns="http://www.govtalk.gov.uk/CM/envelope">
                  <EnvelopeVersion>2.0</EnvelopeVersion>
                  <Body>
                    <IRenvelope xmlns="urn:example">
                      <IRheader b="2" a="1"><IRmark Type="generic">whatever</IRmark><Sender>Employer</Sender></IRheader>
                      <Empty/>
                    </IRenvelope>
                  </Body>
                </GovTalkMessage>
                """;
        // computed apart from PeerPay, with Python's standard library: the Body with the envelope's namespace
        // declared on it and the IRmark element removed, canonicalised (xml.etree.ElementTree.canonicalize), SHA-1,
        // base64
        assertThat(IrMark.of(new Xml().parse(message.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("kiNZGOp39tuMzAE5ir+0D7r1tv8=");
    }

    private RtiValidator.Report restamped(String text) throws Exception {
        Document document = new Xml().parse(text.getBytes(StandardCharsets.UTF_8));
        IrMark.stamp(document);
        return validator.check(Xml.bytes(document, false));
    }

    /** Each path whose text differs from the expected, with what it was. */
    private static Map<String, String> values(Document document, Map<String, String> expected)
            throws XPathExpressionException {
        Map<String, String> wrong = new java.util.TreeMap<>();
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            String actual = text(document, entry.getKey());
            if (!entry.getValue().equals(actual)) {
                wrong.put(entry.getKey(), "expected " + entry.getValue() + " but was " + actual);
            }
        }
        return wrong;
    }

    private static String text(Document document, String path) throws XPathExpressionException {
        XPath xpath = XPathFactory.newDefaultInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return FPS_2627;
            }

            @Override
            public String getPrefix(String namespaceURI) {
                return "f";
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String namespaceURI) {
                return java.util.List.of("f").iterator();
            }
        });
        Node node = (Node) xpath.evaluate(path, document, XPathConstants.NODE);
        return node == null ? null : node.getTextContent();
    }
}
