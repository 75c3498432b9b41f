package org.peerpay.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A header row: column names matched case-insensitively, in any order, spaces and hyphens read as underscores. */
public final class Header {

    private final String fileName;
    private final List<String> names;
    private final List<String> asWritten;
    private final Map<String, Integer> index = new HashMap<>();

    private Header(String fileName, List<String> names, List<String> asWritten) {
        this.fileName = fileName;
        this.names = names;
        this.asWritten = asWritten;
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).isEmpty() && index.putIfAbsent(names.get(i), i) != null) {
                throw new CsvFileRefusedException(fileName + ": the header row names the column '" + names.get(i)
                        + "' twice. Remove or rename one of them and upload the file again.");
            }
        }
    }

    static Header of(String fileName, String[] cells) {
        List<String> names = new ArrayList<>(cells.length);
        for (String cell : cells) {
            names.add(normalise(cell));
        }
        return new Header(fileName, names, List.of(cells));
    }

    static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /** Refuses the file unless every required column is there, naming the ones missing. */
    public Header require(List<String> required) {
        List<String> missing = required.stream().filter(name -> !index.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new CsvFileRefusedException(fileName + ": the header row (row 1) has no column "
                    + String.join(", ", missing) + ". It must name the columns " + String.join(", ", required)
                    + " (found: " + String.join(", ", names) + "). Add the header row and upload the file again.");
        }
        return this;
    }

    /**
     * One warning for the columns this file has that the reader does not know (they are ignored), naming at most
     * five; empty when there are none.
     */
    public Optional<String> unknownColumnsWarning(Set<String> known, String fileName, String kind) {
        List<String> unknown = unknownColumns(known);
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        String named = unknown.stream().limit(5).map(c -> "'" + c + "'").collect(Collectors.joining(", "));
        return Optional.of(fileName + ": column" + (unknown.size() == 1 ? " " : "s ") + named
                + (unknown.size() > 5 ? " and %,d more".formatted(unknown.size() - 5) : "") + (unknown.size() == 1
                ? " is not a " + kind + " column and was" : " are not " + kind + " columns and were") + " ignored");
    }

    /** Columns this file has that the reader does not know: they are ignored, and worth a warning. */
    public List<String> unknownColumns(Set<String> known) {
        return names.stream().filter(name -> !name.isEmpty() && !known.contains(name)).toList();
    }

    /** The position of a column, or -1 when the file does not have it. */
    public int indexOf(String name) {
        return index.getOrDefault(name, -1);
    }

    /** The column names as the file writes them, for output that carries the input's columns through. */
    public List<String> asWritten() {
        return asWritten;
    }

    public int size() {
        return names.size();
    }

    public String fileName() {
        return fileName;
    }
}
