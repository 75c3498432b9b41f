package org.peerpay.filing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The XML plumbing the filings share: namespace-aware documents that refuse DTDs and external entities, elements
 * in order, and bytes out (UTF-8) with the JDK's own transformer, whatever else is on the class path.
 */
final class Xml {

    private final DocumentBuilder builder;

    Xml() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            builder = factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    Document document() {
        return builder.newDocument();
    }

    /** @throws SAXException when the bytes are not well-formed XML */
    Document parse(InputStream in) throws SAXException, IOException {
        return builder.parse(in);
    }

    Document parse(byte[] bytes) throws SAXException, IOException {
        return parse(new ByteArrayInputStream(bytes));
    }

    Element child(Element parent, String namespace, String name) {
        Element element = parent.getOwnerDocument().createElementNS(namespace, name);
        parent.appendChild(element);
        return element;
    }

    Element text(Element parent, String namespace, String name, String text) {
        Element element = child(parent, namespace, name);
        element.setTextContent(text);
        return element;
    }

    /**
     * The document as UTF-8 after an XML declaration line, indented when asked (indenting adds text nodes: do it
     * before any IRmark).
     */
    static byte[] bytes(Document document, boolean indent) {
        try {
            Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.setOutputProperty(OutputKeys.INDENT, indent ? "yes" : "no");
            if (indent) {
                transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8));
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("Could not write XML: " + e.getMessage(), e);
        }
    }

    /** Each way the source breaks the schema (prefixed with {@code what}); empty when it is valid. */
    static List<String> schemaErrors(Schema schema, Source source, String what) {
        List<String> errors = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(what + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(what + e.getMessage());
            }
        });
        try {
            validator.validate(source);
        } catch (SAXException e) {
            if (errors.isEmpty()) {
                errors.add(what + e.getMessage());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return errors;
    }
}
