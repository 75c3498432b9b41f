package org.peerpay.csv;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.Closeable;
import java.io.IOException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Reads the records of a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks) with their
 * row numbers. The header is row 1, so a row number is what a spreadsheet shows for files without line breaks
 * inside cells. A record may run over at most {@link CsvLimits} lines and characters: past them (one stray quote)
 * it is refused as malformed and reading goes on at the line after the one it started on.
 */
public final class CsvInput implements Closeable {

    private final Path file;
    private final InputStreamReader text;
    private final BoundedLines lines;
    private final CsvLimits limits;
    private final CountingStream bytes;
    /** Lines read ahead while looking for the end of a record that was then refused: they are read again. */
    private final Deque<Line> readAgain = new ArrayDeque<>();
    private ICSVParser parser = new RFC4180ParserBuilder().build();
    private long records;
    private Header header;

    private record Line(String text, boolean overlong) {
    }

    private CsvInput(Path file, InputStreamReader text, CsvLimits limits, CountingStream bytes) {
        this.file = file;
        this.text = text;
        this.lines = new BoundedLines(text, limits.maxCharacters());
        this.limits = limits;
        this.bytes = bytes;
    }

    /** Opens a file, refusing it whole when it is empty or not text. */
    public static CsvInput open(FileInspection file) {
        return open(file, CsvLimits.DEFAULT);
    }

    /** As {@link #open(FileInspection)}, with these bounds on a record. */
    public static CsvInput open(FileInspection file, CsvLimits limits) {
        String name = file.file().getFileName().toString();
        if (file.isEmpty()) {
            throw new CsvFileRefusedException(name + " is empty: there is nothing to read. Check that the right"
                    + " file was chosen and that it was saved before uploading.");
        }
        if (file.notText() != null) {
            throw new CsvFileRefusedException(name + " is not a text file: it is " + file.notText() + ". Open it in"
                    + " the spreadsheet and save it as \"CSV UTF-8\" or \"CSV (Comma delimited)\", then send that.");
        }
        return open(file.file(), file.charset(), file.hasBom(), limits);
    }

    /** Opens a file already inspected and found to be text in this encoding. */
    public static CsvInput open(Path file, Charset charset, boolean byteOrderMark, CsvLimits limits) {
        try {
            CountingStream in = new CountingStream(Files.newInputStream(file));
            if (byteOrderMark) {
                in.skipNBytes(3);
            }
            return new CsvInput(file, new InputStreamReader(in, charset), limits, in);
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
            String[] first;
            try {
                first = read();
            } catch (MalformedRecordException e) {
                throw new CsvFileRefusedException(fileName() + " has no header row that can be read: " + e.getMessage()
                        .replace("; reading went on at the next line", "") + ".");
            }
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
     * @throws MalformedRecordException when this record cannot be split into fields (a quote not closed within the
     *                                  limits, or a line too long); the next call reads on from the next line
     */
    public String[] next() {
        header();
        return read();
    }

    /** The row number of the record last returned (the header is row 1). */
    public long rowNumber() {
        return records;
    }

    public String fileName() {
        return file.getFileName().toString();
    }

    private String[] read() {
        try {
            Line first = nextLine();
            if (first == null) {
                return null;
            }
            records++;
            if (first.overlong()) {
                throw malformed("it is longer than " + limits.maxCharacters() + " characters");
            }
            String[] cells = parser.parseLineMulti(first.text());
            List<Line> ahead = new ArrayList<>();
            int characters = first.text().length();
            while (parser.isPending()) {
                Line more = nextLine();
                if (more == null || more.overlong() || ahead.size() + 2 > limits.maxLines()
                        || (characters += more.text().length() + 1) > limits.maxCharacters()) {
                    if (more != null) {
                        ahead.add(more);
                    }
                    readAgain(ahead);
                    throw malformed(more == null
                            ? "a quoted cell is still open at the end of the file"
                            : "a quoted cell is not closed within " + limits.said());
                }
                ahead.add(more);
                String[] rest = parser.parseLineMulti(more.text());
                cells = join(cells, rest);
            }
            return cells;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private Line nextLine() throws IOException {
        if (!readAgain.isEmpty()) {
            return readAgain.poll();
        }
        String line = lines.next();
        return line == null ? null : new Line(line, lines.overlong());
    }

    /** Puts back the lines after a refused record's first, and forgets the record's half-parsed cells. */
    private void readAgain(List<Line> ahead) {
        for (int i = ahead.size() - 1; i >= 0; i--) {
            readAgain.push(ahead.get(i));
        }
        parser = new RFC4180ParserBuilder().build();
    }

    private MalformedRecordException malformed(String why) {
        return new MalformedRecordException(records, why);
    }

    private static String[] join(String[] first, String[] rest) {
        if (first.length == 0) {
            return rest;
        }
        // The parser holds back a cell still open at a line's end, so the parts follow on without overlap.
        String[] joined = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, joined, first.length, rest.length);
        return joined;
    }

    @Override
    public void close() {
        try {
            text.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A record that cannot be split into fields; reading goes on at the line after the one it started on. */
    public static final class MalformedRecordException extends RuntimeException {
        private final long rowNumber;

        MalformedRecordException(long rowNumber, String detail) {
            super("row " + rowNumber + " cannot be read as CSV: " + detail + " (check for a stray or unclosed"
                    + " quote); reading went on at the next line");
            this.rowNumber = rowNumber;
        }

        public long rowNumber() {
            return rowNumber;
        }
    }
}
