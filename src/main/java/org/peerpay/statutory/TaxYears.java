package org.peerpay.statutory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The tax years of a directory of data files ({@code 2025-26.yaml}, ...), each read when first asked for. */
public final class TaxYears {

    private static final Pattern ID = Pattern.compile("\\d{4}-\\d{2}");

    private final Path directory;
    private final Map<String, TaxYear> loaded = new ConcurrentHashMap<>();

    public TaxYears(Path directory) {
        this.directory = directory;
    }

    /** The text of a tax year's data file, as a pay run records it; refused when there is none. */
    public String text(String id) {
        get(id);
        try {
            return Files.readString(directory.resolve(id.strip() + ".yaml"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the tax year file for " + id + ": " + e.getMessage(), e);
        }
    }

    /** The tax year with an id like {@code 2026-27}; refused when there is no data file for it. */
    public TaxYear get(String id) {
        String key = id.strip();
        if (!ID.matcher(key).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a tax year: write it like 2026-27");
        }
        return loaded.computeIfAbsent(key, k -> {
            Path file = directory.resolve(k + ".yaml");
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("there is no data for tax year " + k + " (no " + file + ")");
            }
            return TaxYear.load(file);
        });
    }
}
