package org.gridcommand.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.gridcommand.common.ChangeEvent;

/**
 * Insert-or-replace by primary key as delete + batched insert in the caller's transaction: portable,
 * where MERGE and ON CONFLICT are spelled differently by H2 and PostgreSQL.
 */
final class Upsert {
    private Upsert() {
    }

    /** Returns how many of the ids already existed. */
    static <T> int replace(Connection c, String table, Collection<? extends T> items, Function<? super T, String> id,
                           String insertSql, Batch.Binder<? super T> binder) throws SQLException {
        int existed = 0;
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            int pending = 0;
            for (T item : items) {
                delete.setString(1, id.apply(item));
                delete.addBatch();
                if (++pending == Database.BATCH_SIZE) {
                    existed += sum(delete.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                existed += sum(delete.executeBatch());
            }
        }
        Batch.insert(c, insertSql, items, binder);
        return existed;
    }

    /** One event per commit: the single item's own, or BULK_LOADED for a batch. */
    static <T> ChangeEvent event(String entity, List<? extends T> items, Function<? super T, String> id, int existed) {
        if (items.size() == 1) {
            return new ChangeEvent(entity, id.apply(items.get(0)),
                    existed > 0 ? ChangeEvent.Kind.UPDATED : ChangeEvent.Kind.CREATED);
        }
        return new ChangeEvent(entity, null, ChangeEvent.Kind.BULK_LOADED);
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int n : counts) {
            // SUCCESS_NO_INFO (-2) says nothing about existence; treat it as "was there".
            total += n > 0 ? n : (n == PreparedStatement.SUCCESS_NO_INFO ? 1 : 0);
        }
        return total;
    }
}
