package org.peerpay.system;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;

/** What saving a file's rows did: how many were new, and how many existed and changed. */
public record Saved(int added, int changed) {

    /**
     * Saves rows of reference data onto the entities they are keyed to: a row with no entity yet becomes a new one,
     * a row with one updates it (the update says whether anything changed); the new ones are handed to
     * {@code saveNew}. Updated entities are saved by their persistence context, in the caller's transaction.
     */
    public static <R, E> Saved byKey(List<R> rows, Function<R, String> rowKey, Iterable<E> existing,
                                     Function<E, String> entityKey, Function<R, E> create, BiPredicate<E, R> update,
                                     Consumer<List<E>> saveNew) {
        Map<String, E> known = new HashMap<>();
        existing.forEach(entity -> known.put(entityKey.apply(entity), entity));
        List<E> fresh = new ArrayList<>();
        int changed = 0;
        for (R row : rows) {
            E entity = known.get(rowKey.apply(row));
            if (entity == null) {
                fresh.add(create.apply(row));
            } else if (update.test(entity, row)) {
                changed++;
            }
        }
        saveNew.accept(fresh);
        return new Saved(fresh.size(), changed);
    }
}
