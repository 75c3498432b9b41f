package org.peerpay.csv;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import com.opencsv.exceptions.CsvMalformedLineException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the records of a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks) with their
 * row numbers. The header is row 1, so a row number is what a spreadsheet shows for files without line breaks
 * inside cells.
 */
public final class CsvInput implements Closeable {

    private final Path file;
    private final CSVReader reader;
    private final CountingStream bytes;
    private Header header;

    private CsvInput(Path file, CSVReader reader, CountingStream bytes) {
        this.file = file;
        this.reader = reader;
        this.bytes = bytes;
    }

    /** Opens a file, refusing it whole when it is empty or not text. */
    public static CsvInput open(FileInspection file) {
        String name = file.file().getFileName().toString();
        if (file.isEmpty()) {
            throw new CsvFileRefusedException(name + " is empty: there is nothing to read. Check that the right"
                    + " file was chosen and that it was saved before uploading.");
        }
        if (file.hasNulBytes()) {
            throw new CsvFileRefusedException(name + " is not a text file (it holds binary data, for example an"
                    + " .xlsx workbook). Save it from the spreadsheet as \"CSV UTF-8\" or \"CSV (Comma delimited)\".");
        }
        return open(file.file(), file.charset(), file.hasBom());
    }

    /** Opens a file already inspected and found to be text in this encoding. */
    public static CsvInput open(Path file, Charset charset, boolean byteOrderMark) {
        try {
            CountingStream in = new CountingStream(Files.newInputStream(file));
            if (byteOrderMark) {
                in.skipNBytes(3);
            }
            BufferedReader text = new BufferedReader(new InputStreamReader(in, charset), 1 << 16);
            CSVReader reader = new CSVReaderBuilder(text)
                    .withCSVParser(new RFC4180ParserBuilder().build())
                    .build();
            return new CsvInput(file, reader, in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Bytes of the file read so far (buffered reading runs up to 72 KiB ahead of the records returned): for
     * progress, from any thread.
     */
    public long bytesRead() {
        return bytes.count;
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends FilterInputStream {

        private volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** The header row; a file whose first row is blank has none and is refused. */
    public Header header() {
        if (header == null) {
            String[] first = read();
            if (first == null || (first.length == 1 && first[0].isBlank())) {
                throw new CsvFileRefusedException(fileName() + " has no header row: row 1 must name the columns.");
            }
            header = Header.of(fileName(), first);
        }
        return header;
    }

    /**
     * The next record, or null at the end of the file. Blank lines come back as a single empty cell.
     *
     * @throws MalformedRecordException when the rest of the file cannot be split into fields (an unclosed quote)
     */
    public String[] next() {
        header();
        return read();
    }

    /** The row number of the record last returned (the header is row 1). */
    public long rowNumber() {
        return reader.getRecordsRead();
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    private String[] read() {
        try {
            return reader.readNext();
        } catch (CsvException | CsvMalformedLineException e) {
            throw new MalformedRecordException(reader.getRecordsRead() + 1, e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record that cannot be split into fields; nothing after it in the file can be read. */
    public static final class MalformedRecordException extends RuntimeException {
        private final long rowNumber;

        MalformedRecordException(long rowNumber, String detail) {
            super("row " + rowNumber + " cannot be read as CSV (" + detail + "): check for an unclosed quote");
            this.rowNumber = rowNumber;
        }

        public long rowNumber() {
            return rowNumber;
        }
    }
}
