package org.peerpay.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.peerpay.system.AtomicFile;

/**
 * Writes a CSV file for people to open in a spreadsheet: UTF-8 with a byte-order mark (so Excel reads £ and
 * accents right), CRLF line ends, RFC 4180 quoting, and text cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) neutralised with a leading apostrophe. The file appears whole or not at
 * all: it is written beside its destination and moved into place by {@link #commit()}.
 */
public final class CsvOutput implements Closeable {

    private final Path destination;
    private final AtomicFile file;
    private final BufferedWriter out;

    private CsvOutput(Path destination, boolean ownerOnly) throws IOException {
        this(destination, ownerOnly ? AtomicFile.createOwnerOnly(destination) : AtomicFile.create(destination), null);
    }

    private CsvOutput(Path destination, AtomicFile file, OutputStream stream) throws IOException {
        this.destination = destination;
        this.file = file;
        this.out = new BufferedWriter(new OutputStreamWriter(file != null ? file.stream() : stream,
                StandardCharsets.UTF_8));
        out.write('\uFEFF');
    }

    /**
     * The same CSV written to a stream (a download): {@link #commit()} flushes it, and closing leaves the stream
     * open. Named {@code destination} in messages.
     */
    public static CsvOutput to(OutputStream stream, String destination, String... header) {
        try {
            CsvOutput output = new CsvOutput(Path.of(destination), null, stream);
            output.row((Object[]) header);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + destination + ": " + e.getMessage(), e);
        }
    }

    public static CsvOutput create(Path destination, String... header) {
        return create(destination, false, header);
    }

    /** As {@link #create(Path, String...)}, readable by its owner alone: a bank's file, with account numbers. */
    public static CsvOutput createOwnerOnly(Path destination, String... header) {
        return create(destination, true, header);
    }

    private static CsvOutput create(Path destination, boolean ownerOnly, String... header) {
        try {
            CsvOutput output = new CsvOutput(destination, ownerOnly);
            output.row((Object[]) header);
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + destination + ": " + e.getMessage(), e);
        }
    }

    /** Writes one row: strings are text cells (neutralised); numbers and other values are written as they are. */
    public CsvOutput row(Object... cells) {
        try {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object cell = cells[i];
                if (cell instanceof String text) {
                    out.write(quote(neutralise(text)));
                } else if (cell != null) {
                    out.write(quote(cell.toString()));
                }
            }
            out.write("\r\n");
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + destination + ": " + e.getMessage(), e);
        }
    }

    /** Moves the finished file into place. */
    public void commit() {
        try {
            out.flush();
        } catch (IOException e) {
            throw AtomicFile.failed(destination, e);
        }
        if (file != null) {
            file.commit();
        }
    }

    /** Closes the file; one never committed is deleted, so no half-written file is left behind. */
    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }

    /** A negative amount like {@code -264.87} is a number, not a formula, and stays as it is. */
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("-\\d+(\\.\\d+)?");

    static String neutralise(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NEGATIVE_NUMBER.matcher(text).matches()) {
            return "'" + text;
        }
        return text;
    }

    private static String quote(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }
}
