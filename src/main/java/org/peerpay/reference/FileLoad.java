package org.peerpay.reference;

/** What loading one reference file did: rows read, rows new, rows changed; or that the file was not there. */
public record FileLoad(String file, boolean present, int rows, int added, int changed) {

    static FileLoad absent(String file) {
        return new FileLoad(file, false, 0, 0, 0);
    }

    public int unchanged() {
        return rows - added - changed;
    }

    @Override
    public String toString() {
        return present
                ? "%-22s %6d rows: %d new, %d changed, %d unchanged".formatted(file, rows, added, changed, unchanged())
                : "%-22s not present, skipped".formatted(file);
    }
}
