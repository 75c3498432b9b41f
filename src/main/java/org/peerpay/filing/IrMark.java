package org.peerpay.filing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.crypto.Data;
import javax.xml.crypto.OctetStreamData;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.TransformException;
import javax.xml.crypto.dsig.TransformService;
import java.security.InvalidAlgorithmParameterException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * HMRC's IRmark, as its generic IRmark specification defines it: the GovTalk {@code Body} taken out with the
 * envelope's namespace declared on it, every {@code IRmark} element removed (the text around it stays), put in
 * W3C Canonical XML 1.0 form (inclusive, without comments), digested with SHA-1 and written in base64. The mark
 * covers the document's text exactly as written, whitespace included: compute it on the document as it will be
 * sent.
 */
final class IrMark {

    private IrMark() {
    }

    /** The IRmark of a GovTalk message. */
    static String of(Document message) {
        Element body = body(message);
        Xml xml = new Xml();
        Document alone = xml.document();
        Element copy = (Element) alone.importNode(body, true);
        alone.appendChild(copy);
        copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", FpsDocument.GOVTALK);
        NodeList marks = copy.getElementsByTagNameNS("*", "IRmark");
        for (int i = marks.getLength() - 1; i >= 0; i--) {
            Node mark = marks.item(i);
            mark.getParentNode().removeChild(mark);
        }
        try {
            TransformService c14n = TransformService.getInstance(CanonicalizationMethod.INCLUSIVE, "DOM");
            c14n.init(null);
            Data canonical = c14n.transform(new OctetStreamData(new ByteArrayInputStream(Xml.bytes(alone, false))),
                    null);
            byte[] bytes = ((OctetStreamData) canonical).getOctetStream().readAllBytes();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException | TransformException
                 | IOException e) {
            throw new IllegalStateException("Could not compute the IRmark: " + e.getMessage(), e);
        }
    }

    /** Writes the message's IRmark into its {@code IRmark} element. */
    static String stamp(Document message) {
        String mark = of(message);
        element(message).setTextContent(mark);
        return mark;
    }

    /** The IRmark the message carries, or null when it has none. */
    static String carried(Document message) {
        NodeList marks = message.getElementsByTagNameNS("*", "IRmark");
        return marks.getLength() == 0 ? null : marks.item(0).getTextContent().strip();
    }

    private static Element element(Document message) {
        NodeList marks = body(message).getElementsByTagNameNS("*", "IRmark");
        if (marks.getLength() != 1) {
            throw new IllegalArgumentException("the message has " + marks.getLength() + " IRmark elements, not one");
        }
        return (Element) marks.item(0);
    }

    private static Element body(Document message) {
        NodeList bodies = message.getElementsByTagNameNS(FpsDocument.GOVTALK, "Body");
        if (bodies.getLength() != 1) {
            throw new IllegalArgumentException("not a GovTalk message: it has no Body in " + FpsDocument.GOVTALK);
        }
        return (Element) bodies.item(0);
    }
}
