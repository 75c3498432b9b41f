package org.peerpay.system;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts rows by their business keys, counting what was new and what changed. The SQL is the owning module's:
 * the upsert must update a row only when something in it differs ({@code where ... is distinct from ...}), so that
 * its update count is the rows changed. Runs in the caller's transaction.
 */
public final class Upserts {

    private Upserts() {
    }

    /** Rows new, and rows that existed and changed. */
    public record Counted(int added, int changed) {
    }

    public static <T> Counted upsert(JdbcTemplate jdbc, List<T> rows, String existingKeysSql, Function<T, String> key,
                                     String upsertSql, Function<T, Object[]> values) {
        Set<String> existing = new HashSet<>(jdbc.queryForList(existingKeysSql, String.class));
        int added = (int) rows.stream().filter(row -> !existing.contains(key.apply(row))).count();
        int touched = 0;
        for (int count : jdbc.batchUpdate(upsertSql, rows.stream().map(values).toList())) {
            touched += Math.max(count, 0);
        }
        return new Counted(added, touched - added);
    }
}
