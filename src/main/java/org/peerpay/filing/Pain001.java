package org.peerpay.filing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.money.MonetaryAmount;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.peerpay.money.Gbp;
import org.peerpay.people.BankAccount;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * An ISO 20022 {@code pain.001.001.03} customer credit transfer initiation, the version UK banks take for bulk
 * payments: one payment information block per paying account (a budget's), one credit transfer per payee. UK
 * accounts are identified as the bank takes them: the account number as the account's other identification, the
 * sort code as the agent's clearing-system member in the UK domestic sort code scheme ({@code GBDSC}).
 */
final class Pain001 {

    static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";
    private static final Schema SCHEMA = schema();

    /** One payment out of a paying account. */
    record Transfer(String endToEndId, BankAccount to, MonetaryAmount amount, String remittance) {
    }

    /** The transfers out of one account on one day. */
    record Batch(String id, BankAccount from, java.time.LocalDate executionDate, List<Transfer> transfers) {

        MonetaryAmount total() {
            return transfers.stream().map(Transfer::amount).reduce(Gbp.ZERO, MonetaryAmount::add);
        }
    }

    private final Xml xml = new Xml();

    /** The document; {@code messageId} (35 characters at most) must be new to the bank each time. */
    Document build(String messageId, String initiatingParty, LocalDateTime createdAt, List<Batch> batches) {
        Document doc = xml.document();
        Element root = doc.createElementNS(NAMESPACE, "Document");
        doc.appendChild(root);
        Element initiation = xml.child(root, NAMESPACE, "CstmrCdtTrfInitn");
        Element header = xml.child(initiation, NAMESPACE, "GrpHdr");
        xml.text(header, NAMESPACE, "MsgId", messageId);
        // always with seconds: LocalDateTime.toString() drops zero seconds, which xs:dateTime refuses
        xml.text(header, NAMESPACE, "CreDtTm", createdAt.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")));
        xml.text(header, NAMESPACE, "NbOfTxs", String.valueOf(batches.stream()
                .mapToInt(b -> b.transfers().size()).sum()));
        xml.text(header, NAMESPACE, "CtrlSum", amount(batches.stream().map(Batch::total)
                .reduce(Gbp.ZERO, MonetaryAmount::add)));
        xml.text(xml.child(header, NAMESPACE, "InitgPty"), NAMESPACE, "Nm", initiatingParty);
        for (Batch batch : batches) {
            Element info = xml.child(initiation, NAMESPACE, "PmtInf");
            xml.text(info, NAMESPACE, "PmtInfId", batch.id());
            xml.text(info, NAMESPACE, "PmtMtd", "TRF");
            xml.text(info, NAMESPACE, "NbOfTxs", String.valueOf(batch.transfers().size()));
            xml.text(info, NAMESPACE, "CtrlSum", amount(batch.total()));
            xml.text(info, NAMESPACE, "ReqdExctnDt", batch.executionDate().toString());
            xml.text(xml.child(info, NAMESPACE, "Dbtr"), NAMESPACE, "Nm", batch.from().accountName());
            account(info, "DbtrAcct", batch.from());
            agent(info, "DbtrAgt", batch.from());
            for (Transfer transfer : batch.transfers()) {
                Element tx = xml.child(info, NAMESPACE, "CdtTrfTxInf");
                xml.text(xml.child(tx, NAMESPACE, "PmtId"), NAMESPACE, "EndToEndId", transfer.endToEndId());
                xml.text(xml.child(tx, NAMESPACE, "Amt"), NAMESPACE, "InstdAmt", amount(transfer.amount()))
                        .setAttribute("Ccy", "GBP");
                agent(tx, "CdtrAgt", transfer.to());
                xml.text(xml.child(tx, NAMESPACE, "Cdtr"), NAMESPACE, "Nm", transfer.to().accountName());
                account(tx, "CdtrAcct", transfer.to());
                xml.text(xml.child(tx, NAMESPACE, "RmtInf"), NAMESPACE, "Ustrd", transfer.remittance());
            }
        }
        return doc;
    }

    private void account(Element parent, String name, BankAccount account) {
        Element other = xml.child(xml.child(xml.child(parent, NAMESPACE, name), NAMESPACE, "Id"), NAMESPACE, "Othr");
        xml.text(other, NAMESPACE, "Id", account.revealAccountNumber());
    }

    private void agent(Element parent, String name, BankAccount account) {
        Element member = xml.child(xml.child(xml.child(parent, NAMESPACE, name), NAMESPACE, "FinInstnId"), NAMESPACE,
                "ClrSysMmbId");
        xml.text(xml.child(member, NAMESPACE, "ClrSysId"), NAMESPACE, "Cd", "GBDSC");
        xml.text(member, NAMESPACE, "MmbId", account.revealSortCode());
    }

    private static String amount(MonetaryAmount amount) {
        return Gbp.pounds(amount).toPlainString();
    }

    /** Each way the document breaks ISO 20022's {@code pain.001.001.03} schema; empty when it is valid. */
    static List<String> schemaErrors(Document document) {
        return Xml.schemaErrors(SCHEMA, new DOMSource(document), "");
    }

    private static Schema schema() {
        try (InputStream in = Pain001.class.getClassLoader().getResourceAsStream("iso20022/pain.001.001.03.xsd")) {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, "iso20022/pain.001.001.03.xsd"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SAXException e) {
            throw new IllegalStateException("ISO 20022's pain.001.001.03 schema could not be read: " + e.getMessage(), e);
        }
    }
}
