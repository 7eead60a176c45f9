package org.serverlessloyalty.local.dynamodb.table;

import java.util.Comparator;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Keys;

/**
 * The position of an item inside a partition: its sort key, plus (for secondary indexes, where many items
 * may share an index sort key) the table's primary key as a tie-breaker. A {@code bound} of -1 / +1 makes a
 * search key that sorts just before / after every row with the same sort key, for range boundaries.
 */
public record RowKey(AttrValue sort, AttrValue tieHash, AttrValue tieRange, int bound) {

    /** The single row of a partition in a table without sort key. */
    public static final RowKey NO_SORT = new RowKey(null, null, null, 0);

    public static final Comparator<RowKey> ORDER = RowKey::compare;

    public static RowKey of(AttrValue sort) {
        return sort == null ? NO_SORT : new RowKey(sort, null, null, 0);
    }

    public static RowKey before(AttrValue sort) {
        return new RowKey(sort, null, null, -1);
    }

    public static RowKey after(AttrValue sort) {
        return new RowKey(sort, null, null, 1);
    }

    private static int compare(RowKey a, RowKey b) {
        int c = compareNullable(a.sort, b.sort);
        if (c != 0) {
            return c;
        }
        if (a.bound != 0 || b.bound != 0) {
            return Integer.compare(a.bound, b.bound);
        }
        c = compareNullable(a.tieHash, b.tieHash);
        if (c != 0) {
            return c;
        }
        return compareNullable(a.tieRange, b.tieRange);
    }

    private static int compareNullable(AttrValue a, AttrValue b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return Keys.compare(a, b);
    }
}
