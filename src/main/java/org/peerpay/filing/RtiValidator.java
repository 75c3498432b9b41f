package org.peerpay.filing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.URIResolver;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.SAXException;

/**
 * Checks an RTI message as HMRC's gateway would before accepting it: the GovTalk envelope against HMRC's envelope
 * schema, the {@code IRenvelope} against the message's schema for its year, the FPS against HMRC's business rules
 * (the XSLT HMRC compiles from its Schematron, run by Xalan-J: it is XSLT 1.0 with EXSLT dates, which the JDK's
 * XSLTC cannot run), and the IRmark against the message.
 *
 * <p>HMRC's artefacts are in {@code hmrc-rti/<tax year>/}. A year without its own (2026-27 until HMRC's are added)
 * is checked against the latest year's with the namespace and the year mapped forward: the schemas differ only in
 * their namespace and the payment-date bounds of the year, and the rules only in the related tax year they test.
 */
@Component
public class RtiValidator {

    /** The latest tax year whose HMRC artefacts PeerPay carries, and their file names. */
    static final String LATEST = "25-26";
    private static final String DIRECTORY = "hmrc-rti/2025-26/";
    private static final Map<String, String> SCHEMAS = Map.of(
            "FullPaymentSubmission", "FullPaymentSubmission-2026-v1-0.xsd",
            "EmployerPaymentSummary", "EmployerPaymentSummary-2026-v1-0.xsd");
    private static final String FPS_RULES = "FullPaymentSubmission-2026-v1-0.xslt";
    private static final String ENVELOPE = "envelope-v2-0-HMRC.xsd";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final Pattern NAMESPACE = Pattern.compile(
            "http://www\\.govtalk\\.gov\\.uk/taxation/PAYE/RTI/(\\w+)/(\\d{2})-(\\d{2})/1");
    private static final String ERRORS = "http://www.govtalk.gov.uk/CM/errorresponse";

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Map<Integer, Templates> rules = new ConcurrentHashMap<>();

    /**
     * What the checks found.
     *
     * @param problems each failed check, with where (a path or a line) and what; empty when the message passes
     * @param checkedAgainst which of HMRC's artefacts were used, said for the operator
     */
    public record Report(String message, String taxYear, List<String> problems, String checkedAgainst) {

        public boolean passes() {
            return problems.isEmpty();
        }
    }

    /** Checks a message's bytes. */
    public Report check(byte[] bytes) {
        Document document;
        try {
            document = new Xml().parse(bytes);
        } catch (SAXException e) {
            return new Report("?", "?", List.of("not well-formed XML: " + e.getMessage()), "nothing");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Element envelope = irEnvelope(document);
        Matcher namespace = envelope == null ? null : NAMESPACE.matcher(envelope.getNamespaceURI());
        if (namespace == null || !namespace.matches() || !SCHEMAS.containsKey(namespace.group(1))) {
            return new Report("?", "?", List.of("not an RTI message PeerPay knows: its GovTalk Body holds no FPS or"
                    + " EPS IRenvelope (namespace like http://www.govtalk.gov.uk/taxation/PAYE/RTI/"
                    + "FullPaymentSubmission/26-27/1)"), "nothing");
        }
        String message = namespace.group(1);
        String year = namespace.group(2) + "-" + namespace.group(3);
        int offset = Integer.parseInt(namespace.group(2)) - Integer.parseInt(LATEST.substring(0, 2));
        if (offset < 0) {
            return new Report(message, year, List.of("tax year " + year + " is before the earliest PeerPay can"
                    + " check (" + LATEST + ")"), "nothing");
        }
        List<String> problems = new ArrayList<>();
        problems.addAll(Xml.schemaErrors(envelopeSchema(), new DOMSource(document), "GovTalk envelope schema: "));
        problems.addAll(Xml.schemaErrors(messageSchema(message, offset), new DOMSource(envelope),
                message + " schema: "));
        if (message.equals("FullPaymentSubmission")) {
            problems.addAll(businessRuleErrors(document, offset));
        }
        String carried = IrMark.carried(document);
        String computed = IrMark.of(document);
        if (carried == null || carried.isEmpty()) {
            problems.add("IRmark: the message has none; it should be " + computed);
        } else if (!carried.equals(computed)) {
            problems.add("IRmark: the message carries " + carried + " but its Body gives " + computed
                    + " (the Body was changed after the mark was computed)");
        }
        String against = "HMRC's " + LATEST + " schema" + (message.equals("FullPaymentSubmission")
                ? " and business rules" : "") + (offset == 0 ? "" : ", mapped forward to " + year + " (HMRC's "
                + year + " artefacts are not in PeerPay yet)");
        return new Report(message, year, List.copyOf(problems), against);
    }

    private static Element irEnvelope(Document document) {
        NodeList bodies = document.getElementsByTagNameNS(FpsDocument.GOVTALK, "Body");
        if (bodies.getLength() != 1) {
            return null;
        }
        for (Node child = bodies.item(0).getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "IRenvelope".equals(element.getLocalName())
                    && element.getNamespaceURI() != null) {
                return element;
            }
        }
        return null;
    }

    private List<String> businessRuleErrors(Document document, int offset) {
        DOMResult result = new DOMResult();
        try {
            fpsRules(offset).newTransformer().transform(new DOMSource(document), result);
        } catch (TransformerException e) {
            throw new IllegalStateException("HMRC's FPS business rules could not run: " + e.getMessage(), e);
        }
        List<String> errors = new ArrayList<>();
        NodeList found = ((Document) result.getNode()).getElementsByTagNameNS(ERRORS, "Error");
        for (int i = 0; i < found.getLength(); i++) {
            Element error = (Element) found.item(i);
            errors.add("business rule " + child(error, "Number") + " at " + child(error, "Location") + ": "
                    + child(error, "Text"));
        }
        return errors;
    }

    private static String child(Element error, String name) {
        NodeList nodes = error.getElementsByTagNameNS(ERRORS, name);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().strip().replaceAll("\\s+", " ");
    }

    private Schema envelopeSchema() {
        return schemas.computeIfAbsent("envelope", key -> schema(resource(ENVELOPE), ENVELOPE));
    }

    private Schema messageSchema(String message, int offset) {
        return schemas.computeIfAbsent(message + "+" + offset, key -> {
            String xsd = resource(SCHEMAS.get(message));
            if (offset > 0) {
                xsd = mappedForward(xsd, offset).replace("2025-04-06", (2025 + offset) + "-04-06")
                        .replace("2026-04-05", (2026 + offset) + "-04-05");
            }
            return schema(xsd, SCHEMAS.get(message));
        });
    }

    private Templates fpsRules(int offset) {
        return rules.computeIfAbsent(offset, this::compileRules);
    }

    private Templates compileRules(int offset) {
        String xslt = resource(FPS_RULES);
        if (offset > 0) {
            xslt = mappedForward(xslt, offset).replace("2026", String.valueOf(2026 + offset));
        }
        String stylesheet = xslt.replace("xmlns:date=\"http://exslt.org/dates-and-times\"",
                "xmlns:date=\"xalan://" + RtiDates.class.getName() + "\"");
        String systemId = "peerpay:hmrc-rti/" + FPS_RULES + "+" + offset;
        // Xalan-J, for this stylesheet only: document('') reads the stylesheet itself, so it resolves to the text
        org.apache.xalan.processor.TransformerFactoryImpl factory = new org.apache.xalan.processor.TransformerFactoryImpl();
        URIResolver itself = (href, base) -> {
            StreamSource source = new StreamSource(new StringReader(stylesheet));
            source.setSystemId(systemId);
            return source;
        };
        factory.setURIResolver(itself);
        try {
            StreamSource source = new StreamSource(new StringReader(stylesheet));
            source.setSystemId(systemId);
            return factory.newTemplates(source);
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("HMRC's FPS business rules could not be compiled: " + e.getMessage(), e);
        }
    }

    /** The text with the RTI namespaces' tax year moved on by {@code offset} years ({@code 25-26} to {@code 26-27}). */
    private static String mappedForward(String text, int offset) {
        int from = Integer.parseInt(LATEST.substring(0, 2));
        return text.replace(LATEST, String.format("%02d-%02d", from + offset, from + offset + 1));
    }

    private static Schema schema(String xsd, String name) {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setResourceResolver(signatureStandIn());
            StreamSource source = new StreamSource(new StringReader(xsd));
            source.setSystemId("peerpay:hmrc-rti/" + name);
            return factory.newSchema(source);
        } catch (SAXException e) {
            throw new IllegalStateException("HMRC's schema " + name + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * The envelope schema imports the W3C signature schema from the web, for a signed-envelope branch PeerPay never
     * writes (the gateway authenticates by credentials). Nothing is fetched: the import resolves to a schema that
     * declares {@code dsig:Signature} with any content, so an envelope that did carry a signature passes unchecked
     * there rather than failing.
     */
    private static LSResourceResolver signatureStandIn() {
        return (type, namespace, publicId, systemId, baseUri) -> {
            if (!DSIG.equals(namespace)) {
                return null;
            }
            String xsd = "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' targetNamespace='" + DSIG + "'>"
                    + "<xs:element name='Signature'><xs:complexType><xs:sequence><xs:any processContents='skip'"
                    + " minOccurs='0' maxOccurs='unbounded'/></xs:sequence><xs:anyAttribute processContents='skip'/>"
                    + "</xs:complexType></xs:element></xs:schema>";
            return new TextInput(xsd, systemId, publicId, baseUri);
        };
    }

    private static String resource(String name) {
        try (InputStream in = RtiValidator.class.getClassLoader().getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("HMRC's " + name + " is missing from the build (" + DIRECTORY + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An in-memory schema for the resolver. */
    private record TextInput(String text, String systemId, String publicId, String baseUri) implements LSInput {
        @Override public java.io.Reader getCharacterStream() { return new StringReader(text); }
        @Override public void setCharacterStream(java.io.Reader characterStream) { }
        @Override public InputStream getByteStream() { return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)); }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return text; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return baseUri; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
