package org.peerpay.timesheets;

import java.nio.charset.Charset;
import java.nio.file.Path;
import org.peerpay.csv.CsvInput;
import org.peerpay.csv.Header;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Streams the records of a timesheet file. Its restart point is the number of the last row read, kept in the
 * step's execution context (a number, never personal data) and committed with the rows written; a restarted step
 * skips to it.
 */
class TimesheetCsvReader implements ItemStreamReader<RawTimesheetRow> {

    static final String ROWS_READ = "timesheets.rows.read";

    private final Path file;
    private CsvInput input;
    private int[] columns;
    private int headerSize;
    private boolean ended;
    private long rowsRead = 1;

    private final Charset charset;
    private final boolean byteOrderMark;

    /** Reads a file the importer has inspected: it is text, in this encoding. */
    TimesheetCsvReader(Path file, Charset charset, boolean byteOrderMark) {
        this.file = file;
        this.charset = charset;
        this.byteOrderMark = byteOrderMark;
    }

    @Override
    public void open(ExecutionContext context) {
        input = CsvInput.open(file, charset, byteOrderMark);
        Header header = input.header().require(TimesheetColumns.REQUIRED);
        headerSize = header.size();
        columns = TimesheetColumns.ALL.stream().mapToInt(header::indexOf).toArray();
        long resumeAfter = context.getLong(ROWS_READ, 1);
        while (rowsRead < resumeAfter && read() != null) {
            // skip rows staged before the restart
        }
    }

    @Override
    public RawTimesheetRow read() {
        if (ended) {
            return null;
        }
        String[] record;
        try {
            do {
                record = input.next();
            } while (record != null && record.length == 1 && record[0].isBlank());
        } catch (CsvInput.MalformedRecordException e) {
            ended = true;
            rowsRead = e.rowNumber();
            return new RawTimesheetRow(e.rowNumber(), new String[columns.length], e.getMessage()
                    + "; nothing after it in the file could be read");
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
        return new RawTimesheetRow(input.rowNumber(), cells, malformed);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(ROWS_READ, rowsRead);
    }

    @Override
    public void close() {
        if (input != null) {
            input.close();
            input = null;
        }
    }
}
