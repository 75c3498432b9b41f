package org.peerpay.reference;

import java.util.List;

/**
 * What loading one reference file did: rows read, rows new, rows changed, and what the operator should know of it
 * (back pay a rate change owes); or that the file was not there.
 */
public record FileLoad(String file, boolean present, int rows, int added, int changed, List<String> notes) {

    static FileLoad absent(String file) {
        return new FileLoad(file, false, 0, 0, 0, List.of());
    }

    public int unchanged() {
        return rows - added - changed;
    }

    @Override
    public String toString() {
        return present
                ? "%-22s %6d rows: %d new, %d changed, %d unchanged".formatted(file, rows, added, changed, unchanged())
                        + notes.stream().map(note -> "\n    " + note).reduce("", String::concat)
                : "%-22s not present, skipped".formatted(file);
    }
}
