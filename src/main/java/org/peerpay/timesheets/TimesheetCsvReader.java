package org.peerpay.timesheets;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import org.peerpay.csv.CsvInput;
import org.peerpay.csv.CsvLimits;
import org.peerpay.csv.Header;

/**
 * Streams the records of a timesheet file as rows of the eight canonical cells, from a given row on. The restart
 * point itself is kept by {@link TimesheetBlockReader}.
 */
class TimesheetCsvReader implements AutoCloseable {

    private final Path file;
    private CsvInput input;
    private int[] columns;
    private int headerSize;
    private boolean ended;
    private long rowsRead = 1;

    private final Charset charset;
    private final boolean byteOrderMark;
    private final CsvLimits limits;

    /** Reads a file the importer has inspected: it is text, in this encoding. */
    TimesheetCsvReader(Path file, Charset charset, boolean byteOrderMark, CsvLimits limits) {
        this.file = file;
        this.charset = charset;
        this.byteOrderMark = byteOrderMark;
        this.limits = limits;
    }

    /** Opens the file and skips the rows up to and including {@code resumeAfter} (1, the header, to start afresh). */
    void open(long resumeAfter) {
        input = CsvInput.open(file, charset, byteOrderMark, limits);
        Header header = input.header().require(TimesheetColumns.REQUIRED);
        headerSize = header.size();
        columns = TimesheetColumns.ALL.stream().mapToInt(header::indexOf).toArray();
        while (rowsRead < resumeAfter && read() != null) {
            // skip rows staged before the restart
        }
    }

    /** The next row, or null at the end of the file. */
    RawTimesheetRow read() {
        if (ended) {
            return null;
        }
        String[] record;
        try {
            do {
                record = input.next();
            } while (record != null && record.length == 1 && record[0].isBlank());
        } catch (CsvInput.MalformedRecordException e) {
            rowsRead = e.rowNumber();
            return new RawTimesheetRow(e.rowNumber(), new String[columns.length], e.getMessage());
        }
        if (record == null) {
            ended = true;
            return null;
        }
        rowsRead = input.rowNumber();
        String[] cells = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            int at = columns[i];
            cells[i] = at >= 0 && at < record.length ? record[at].strip() : "";
        }
        String malformed = record.length > headerSize
                ? "the row has " + record.length + " cells but the header has " + headerSize
                  + ": a comma in a cell that is not in quotes?"
                : null;
        return malformed == null ? new RawTimesheetRow(input.rowNumber(), cells, null)
                : new RawTimesheetRow(input.rowNumber(), cells, Arrays.copyOfRange(record, headerSize, record.length),
                        malformed);
    }

    /** Bytes of the file read so far, for progress (any thread). */
    long bytesRead() {
        CsvInput current = input;
        return current == null ? 0 : current.bytesRead();
    }

    @Override
    public void close() {
        if (input != null) {
            input.close();
            input = null;
        }
    }
}
