package org.serverlessloyalty.local.dynamodb.table;

import java.util.NavigableMap;
import java.util.TreeMap;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Item;
import org.serverlessloyalty.local.dynamodb.model.Keys;

/**
 * Items of a table or index: partitions (ordered by partition key so that Scan can resume from any key)
 * each holding its items sorted by {@link RowKey}. Not thread-safe: guarded by the database lock.
 */
public final class ItemStore {

    private final TreeMap<AttrValue, TreeMap<RowKey, Item>> partitions = new TreeMap<>(Keys.ORDER);
    private long count;
    private long bytes;

    public Item get(AttrValue hash, RowKey row) {
        TreeMap<RowKey, Item> p = partitions.get(hash);
        return p == null ? null : p.get(row);
    }

    public Item put(AttrValue hash, RowKey row, Item item) {
        Item old = partitions.computeIfAbsent(hash, k -> new TreeMap<>(RowKey.ORDER)).put(row, item);
        if (old != null) {
            bytes -= old.size();
        } else {
            count++;
        }
        bytes += item.size();
        return old;
    }

    public Item remove(AttrValue hash, RowKey row) {
        TreeMap<RowKey, Item> p = partitions.get(hash);
        if (p == null) {
            return null;
        }
        Item old = p.remove(row);
        if (old != null) {
            count--;
            bytes -= old.size();
            if (p.isEmpty()) {
                partitions.remove(hash);
            }
        }
        return old;
    }

    /** The partition's rows, or null. */
    public NavigableMap<RowKey, Item> partition(AttrValue hash) {
        return partitions.get(hash);
    }

    public NavigableMap<AttrValue, TreeMap<RowKey, Item>> partitions() {
        return partitions;
    }

    public long count() {
        return count;
    }

    public long bytes() {
        return bytes;
    }
}
