package org.peerpay.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole small file (reference data, configuration) into typed rows, all or nothing: when any cell is
 * wrong the file is refused with every problem listed (the first 25), so it can be fixed in one go.
 */
public final class CsvTable {

    private static final Logger log = LoggerFactory.getLogger(CsvTable.class);
    private static final int PROBLEMS_SHOWN = 25;

    private CsvTable() {
    }

    public static <T> List<T> read(Path file, List<String> required, Set<String> known, Function<CsvRow, T> mapper) {
        List<CsvProblem> problems = new ArrayList<>();
        List<T> rows = new ArrayList<>();
        try (CsvInput input = CsvInput.open(FileInspection.of(file))) {
            Header header = input.header().require(required);
            header.unknownColumnsWarning(known, input.fileName(), "PeerPay").ifPresent(log::warn);
            while (true) {
                String[] cells;
                try {
                    cells = input.next();
                } catch (CsvInput.MalformedRecordException e) {
                    problems.add(new CsvProblem(input.fileName(), e.rowNumber(), "(all)", e.getMessage()));
                    continue;
                }
                if (cells == null) {
                    break;
                }
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                CsvRow row = new CsvRow(header, input.rowNumber(), cells, problems);
                int before = problems.size();
                T value = mapper.apply(row);
                if (problems.size() == before) {
                    rows.add(value);
                }
            }
        }
        if (!problems.isEmpty()) {
            StringBuilder message = new StringBuilder(file.getFileName() + " was not loaded: " + problems.size()
                    + " problem(s). Nothing from this file was changed; correct these and load it again:");
            problems.stream().limit(PROBLEMS_SHOWN).forEach(p -> message.append("\n  ").append(p));
            if (problems.size() > PROBLEMS_SHOWN) {
                message.append("\n  ... and ").append(problems.size() - PROBLEMS_SHOWN).append(" more");
            }
            throw new CsvFileRefusedException(message.toString());
        }
        return rows;
    }
}
