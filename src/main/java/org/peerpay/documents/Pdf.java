package org.peerpay.documents;

import java.awt.Color;
import java.nio.file.Path;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.peerpay.system.AtomicFile;

/**
 * One A4 document in PeerPay's layout: a title, label-value blocks and ruled tables with amounts right-aligned
 * as {@code £1,234.56}. Written to a temporary file and moved into place, so no half-written PDF is left.
 */
public final class Pdf implements AutoCloseable {

    public static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    public static final Font HEADING = new Font(Font.HELVETICA, 10, Font.BOLD);
    public static final Font TEXT = new Font(Font.HELVETICA, 9, Font.NORMAL);
    public static final Font BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    public static final Font SMALL = new Font(Font.HELVETICA, 7.5f, Font.NORMAL, new Color(90, 90, 90));
    private static final Color RULE = new Color(160, 160, 160);
    private static final Color SHADE = new Color(235, 238, 242);

    private final AtomicFile file;
    private final Document document;

    private Pdf(AtomicFile file, String title, String author) {
        this.file = file;
        this.document = new Document(PageSize.A4, 42, 42, 40, 40);
        PdfWriter.getInstance(document, file.stream());
        document.addTitle(title);
        document.addAuthor(author);
        document.addCreator("PeerPay");
        document.open();
    }

    public static Pdf create(Path destination, String title, String author) {
        return new Pdf(AtomicFile.create(destination), title, author);
    }

    /** As {@link #create}, readable by its owner alone: a form that carries an NI number (P45, P60). */
    public static Pdf createOwnerOnly(Path destination, String title, String author) {
        return new Pdf(AtomicFile.createOwnerOnly(destination), title, author);
    }

    public void title(String text) {
        Paragraph title = new Paragraph(text, TITLE);
        title.setSpacingAfter(6);
        add(title);
    }

    public void heading(String text) {
        Paragraph heading = new Paragraph(text, HEADING);
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(3);
        add(heading);
    }

    public void note(String text) {
        Paragraph note = new Paragraph(text, SMALL);
        note.setSpacingBefore(4);
        add(note);
    }

    /** Two or more columns of label: value pairs, unruled. */
    public void details(String[][] pairs, int columns) {
        PdfPTable table = new PdfPTable(columns * 2);
        table.setWidthPercentage(100);
        int[] widths = new int[columns * 2];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = i % 2 == 0 ? 11 : 20;
        }
        table.setWidths(widths);
        for (String[] pair : pairs) {
            table.addCell(plain(pair[0], SMALL, Element.ALIGN_LEFT));
            table.addCell(plain(pair[1], BOLD, Element.ALIGN_LEFT));
        }
        for (int i = pairs.length; i % columns != 0; i++) {
            table.addCell(plain("", TEXT, Element.ALIGN_LEFT));
            table.addCell(plain("", TEXT, Element.ALIGN_LEFT));
        }
        add(table);
    }

    /**
     * A ruled table; {@code widths} are the columns' relative widths; columns from {@code numericFrom} on are
     * right-aligned.
     */
    public Table table(int[] widths, int numericFrom, String... header) {
        return new Table(widths, numericFrom, header);
    }

    /** A table being filled in. */
    public final class Table {
        private final PdfPTable table;
        private final int numericFrom;

        private Table(int[] widths, int numericFrom, String... header) {
            this.table = new PdfPTable(widths.length);
            this.numericFrom = numericFrom;
            table.setWidthPercentage(100);
            table.setWidths(widths);
            table.setHeaderRows(1);
            for (int i = 0; i < header.length; i++) {
                PdfPCell cell = ruled(header[i], HEADING, i >= numericFrom ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                cell.setBackgroundColor(SHADE);
                table.addCell(cell);
            }
        }

        public Table row(String... cells) {
            return add(TEXT, cells);
        }

        public Table total(String... cells) {
            return add(BOLD, cells);
        }

        private Table add(Font font, String... cells) {
            for (int i = 0; i < cells.length; i++) {
                table.addCell(ruled(cells[i], font, i >= numericFrom ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
            }
            return this;
        }

        public void end() {
            Pdf.this.add(table);
        }
    }

    private static PdfPCell plain(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(align);
        cell.setPaddingBottom(3);
        return cell;
    }

    private static PdfPCell ruled(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setHorizontalAlignment(align);
        cell.setPaddingTop(3);
        cell.setPaddingBottom(4);
        return cell;
    }

    private void add(Element element) {
        writing(() -> document.add(element));
    }

    /** Finishes the document and moves it into place. */
    public void commit() {
        writing(document::close);
        file.commit();
    }

    /** OpenPDF reports a failed write (a full disk, say) wrapped up; this says which file and why. */
    private void writing(Runnable work) {
        try {
            work.run();
        } catch (com.lowagie.text.ExceptionConverter e) {
            if (e.getException() instanceof java.io.IOException io) {
                throw AtomicFile.failed(file.destination(), io);
            }
            throw e;
        }
    }

    /** Deletes the document if it was never committed. */
    @Override
    public void close() {
        file.close();
    }
}
