package org.peerpay.timesheets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads a timesheet file as blocks of rows, read, checked ({@link TimesheetRowParser}) and rendered for COPY on a
 * read-ahead thread, so that the reading and checking of the next block overlaps the database's writing of this
 * one. At most two blocks wait, so memory is bounded by the block size, never the file's. The restart point
 * (the last row of the last block handed out, a number and never personal data) goes into the step's execution
 * context and commits with that block; a restarted step reads on from it.
 */
class TimesheetBlockReader implements ItemStreamReader<TimesheetBlock> {

    static final String ROWS_READ = "timesheets.rows.read";
    static final String BYTES_READ = "timesheets.bytes.read";
    private static final Object END = new Object();

    private final TimesheetCsvReader rows;
    private final TimesheetRowParser parser;
    private final long importId;
    private final int blockSize;
    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(2);
    private Thread readAhead;
    private long lastRow = 1;
    private long bytesRead;
    private boolean ended;

    TimesheetBlockReader(TimesheetCsvReader rows, TimesheetRowParser parser, long importId, int blockSize) {
        this.rows = rows;
        this.parser = parser;
        this.importId = importId;
        this.blockSize = blockSize;
    }

    @Override
    public void open(ExecutionContext context) {
        lastRow = context.getLong(ROWS_READ, 1);
        rows.open(lastRow);
        readAhead = new Thread(this::readBlocks, "timesheet-read-ahead");
        readAhead.setDaemon(true);
        readAhead.start();
    }

    private void readBlocks() {
        try {
            List<StagedTimesheetRow> block = new ArrayList<>(blockSize);
            for (RawTimesheetRow row; (row = rows.read()) != null; ) {
                block.add(parser.process(row));
                if (block.size() == blockSize) {
                    ready.put(TimesheetBlock.of(importId, block, rows.bytesRead()));
                    block = new ArrayList<>(blockSize);
                }
            }
            if (!block.isEmpty()) {
                ready.put(TimesheetBlock.of(importId, block, rows.bytesRead()));
            }
            ready.put(END);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failure) {
            ready.clear();
            ready.offer(failure);
        }
    }

    @Override
    public TimesheetBlock read() throws InterruptedException {
        if (ended) {
            return null;
        }
        Object next = ready.take();
        if (next == END) {
            ended = true;
            return null;
        }
        if (next instanceof RuntimeException failure) {
            ended = true;
            throw new ItemStreamException("Could not read the timesheet file: " + failure.getMessage(), failure);
        }
        TimesheetBlock block = (TimesheetBlock) next;
        lastRow = block.lastRow();
        bytesRead = block.bytesRead();
        return block;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(ROWS_READ, lastRow);
        context.putLong(BYTES_READ, bytesRead);
    }

    @Override
    public void close() {
        if (readAhead != null) {
            readAhead.interrupt();
            try {
                readAhead.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            readAhead = null;
        }
        rows.close();
    }
}
