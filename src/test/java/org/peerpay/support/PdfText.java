package org.peerpay.support;

import java.nio.file.Path;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** The text of a PDF, for tests that read what a person would read in it. */
public final class PdfText {

    private PdfText() {
    }

    /** Every page's text as one line: the extractor breaks lines where the page wraps them, which this undoes. */
    public static String of(Path pdf) throws Exception {
        try (PdfReader reader = new PdfReader(pdf.toString())) {
            PdfTextExtractor text = new PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                all.append(text.getTextFromPage(page));
            }
            return all.toString().replaceAll("\\s*\\n\\s*", "");
        }
    }
}
