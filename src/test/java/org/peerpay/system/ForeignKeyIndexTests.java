package org.peerpay.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.peerpay.support.DatabaseTest;

/**
 * Rows of these tables are deleted in bulk (a file's rejected lines, a refused import), and each deleted row makes
 * PostgreSQL look for rows that still refer to it: without an index that starts with the referring columns, each
 * look reads the whole referring table, and a million deletions take hours, not seconds.
 */
class ForeignKeyIndexTests extends DatabaseTest {

    static final List<String> DELETED_IN_BULK = List.of("timesheet_line", "timesheet_import");

    @Test
    void everyReferenceToARowDeletedInBulkIsFoundThroughAnIndex() {
        List<String> unindexed = asOwner().queryForList("""
                select c.conrelid::regclass || ' (' || c.conname || ')'
                from pg_constraint c
                where c.contype = 'f' and c.confrelid::regclass::text = any(?)
                  and not exists (
                      select 1 from pg_index i
                      where i.indrelid = c.conrelid
                        and (i.indkey::smallint[])[0:cardinality(c.conkey) - 1] @> c.conkey
                        and (i.indkey::smallint[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
                """, String.class, (Object) DELETED_IN_BULK.toArray(String[]::new));

        assertThat(unindexed).isEmpty();
    }
}
