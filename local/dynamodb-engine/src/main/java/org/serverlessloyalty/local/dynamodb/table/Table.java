package org.serverlessloyalty.local.dynamodb.table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Item;
import org.serverlessloyalty.local.dynamodb.model.ItemSize;

/**
 * A table: its definition, its items and one {@link ItemStore} per secondary index, kept in step on every
 * write. Key and item validation follows DynamoDB's rules and messages. Not thread-safe: the database lock
 * guards every call.
 */
public final class Table {

    private static final int MAX_HASH_KEY_BYTES = 2048;
    private static final int MAX_RANGE_KEY_BYTES = 1024;

    private TableDef def;
    private final ItemStore items = new ItemStore();
    private final Map<String, ItemStore> indexStores = new LinkedHashMap<>();

    public Table(TableDef def) {
        this.def = def;
        for (IndexDef i : def.indexes()) {
            indexStores.put(i.name(), new ItemStore());
        }
    }

    public TableDef def() {
        return def;
    }

    public void setDef(TableDef def) {
        this.def = def;
    }

    public ItemStore items() {
        return items;
    }

    public ItemStore indexStore(String name) {
        return indexStores.get(name);
    }

    // ------------------------------------------------------------------ keys and validation

    /** The primary key of a validated item. */
    public PrimaryKey keyOf(Map<String, AttrValue> item) {
        return new PrimaryKey(item.get(def.hash().name()), def.range() == null ? null : item.get(def.range().name()));
    }

    /** Validates a {@code Key} request parameter: exactly the key attributes, with the declared types. */
    public PrimaryKey keyFromRequest(Map<String, AttrValue> key) {
        if (key == null) {
            throw ApiException.validation("The provided key element does not match the schema");
        }
        int expected = def.range() == null ? 1 : 2;
        AttrValue h = key.get(def.hash().name());
        AttrValue r = def.range() == null ? null : key.get(def.range().name());
        if (key.size() != expected || h == null || h.type() != def.hash().type()
                || (def.range() != null && (r == null || r.type() != def.range().type()))) {
            throw ApiException.validation("The provided key element does not match the schema");
        }
        checkKeyValue(def.hash().name(), h);
        if (r != null) {
            checkKeyValue(def.range().name(), r);
        }
        return new PrimaryKey(h, r);
    }

    /** Validates a whole item for this table: key attributes, index key attributes, size. */
    public void validateItem(Map<String, AttrValue> item) {
        checkItemKey(def.hash(), item);
        if (def.range() != null) {
            checkItemKey(def.range(), item);
        }
        AttrValue h = item.get(def.hash().name());
        if (ItemSize.valueSize(h) > MAX_HASH_KEY_BYTES) {
            throw ApiException.validation("One or more parameter values were invalid: Size of hashkey has exceeded "
                    + "the maximum size limit of" + MAX_HASH_KEY_BYTES + " bytes");
        }
        if (def.range() != null && ItemSize.valueSize(item.get(def.range().name())) > MAX_RANGE_KEY_BYTES) {
            throw ApiException.validation("One or more parameter values were invalid: Aggregated size of all range "
                    + "keys has exceeded the size limit of " + MAX_RANGE_KEY_BYTES + " bytes");
        }
        for (IndexDef idx : def.indexes()) {
            checkIndexKey(idx, idx.hash(), item);
            if (idx.range() != null) {
                checkIndexKey(idx, idx.range(), item);
            }
        }
    }

    private static void checkItemKey(KeyDef key, Map<String, AttrValue> item) {
        AttrValue v = item.get(key.name());
        if (v == null) {
            throw ApiException.validation("One or more parameter values were invalid: Missing the key " + key.name()
                    + " in the item");
        }
        if (v.type() != key.type()) {
            throw ApiException.validation("One or more parameter values were invalid: Type mismatch for key "
                    + key.name() + " expected: " + key.type() + " actual: " + v.type());
        }
        checkKeyValue(key.name(), v);
    }

    private static void checkKeyValue(String name, AttrValue v) {
        if (v.type() == AttrValue.Type.S && v.s().isEmpty()) {
            throw ApiException.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty string value. Key: " + name);
        }
        if (v.type() == AttrValue.Type.B && v.b().length == 0) {
            throw ApiException.validation("One or more parameter values are not valid. The AttributeValue for a key "
                    + "attribute cannot contain an empty binary value. Key: " + name);
        }
    }

    private static void checkIndexKey(IndexDef idx, KeyDef key, Map<String, AttrValue> item) {
        AttrValue v = item.get(key.name());
        if (v == null) {
            return;
        }
        if (v.type() != key.type()) {
            throw ApiException.validation("One or more parameter values were invalid: Type mismatch for Index Key "
                    + key.name() + " Expected: " + key.type() + " Actual: " + v.type() + " IndexName: " + idx.name());
        }
        if ((v.type() == AttrValue.Type.S && v.s().isEmpty()) || (v.type() == AttrValue.Type.B && v.b().length == 0)) {
            throw ApiException.validation("One or more parameter values are not valid. A value specified for a "
                    + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain an "
                    + "empty " + (v.type() == AttrValue.Type.S ? "string" : "binary") + " value. IndexName: "
                    + idx.name() + ", IndexKey: " + key.name());
        }
    }

    // ------------------------------------------------------------------ reads and writes

    public Item get(PrimaryKey key) {
        return items.get(key.hash(), key.row());
    }

    /** The outcome of a write: the replaced item (or null) and the write units spent on each index. */
    public record WriteOutcome(Item old, double[] indexWriteUnits) {
    }

    /** Stores {@code item} under {@code key} (or deletes when {@code item} is null), maintaining indexes. */
    public WriteOutcome write(PrimaryKey key, Item item) {
        Item old = item == null ? items.remove(key.hash(), key.row()) : items.put(key.hash(), key.row(), item);
        List<IndexDef> indexes = def.indexes();
        double[] units = new double[indexes.size()];
        for (int i = 0; i < indexes.size(); i++) {
            IndexDef idx = indexes.get(i);
            ItemStore store = indexStores.get(idx.name());
            IndexEntry before = old == null ? null : indexEntry(idx, old);
            IndexEntry after = item == null ? null : indexEntry(idx, item);
            if (before != null) {
                store.remove(before.hash, before.row);
            }
            if (after != null) {
                store.put(after.hash, after.row, after.item);
            }
            units[i] = indexWriteUnits(before, after);
        }
        return new WriteOutcome(old, units);
    }

    private static double indexWriteUnits(IndexEntry before, IndexEntry after) {
        if (before == null && after == null) {
            return 0;
        }
        if (before == null) {
            return writeUnits(after.item.size());
        }
        if (after == null) {
            return writeUnits(before.item.size());
        }
        if (!before.hash.equals(after.hash) || RowKey.ORDER.compare(before.row, after.row) != 0) {
            return writeUnits(before.item.size()) + writeUnits(after.item.size());
        }
        if (before.item.attrs().equals(after.item.attrs())) {
            return 0;
        }
        return writeUnits(Math.max(before.item.size(), after.item.size()));
    }

    private static double writeUnits(int bytes) {
        return Math.max(1, (bytes + 1023) / 1024);
    }

    private record IndexEntry(AttrValue hash, RowKey row, Item item) {
    }

    private IndexEntry indexEntry(IndexDef idx, Item item) {
        AttrValue h = item.get(idx.hash().name());
        if (h == null || h.type() != idx.hash().type()) {
            return null;
        }
        AttrValue r = null;
        if (idx.range() != null) {
            r = item.get(idx.range().name());
            if (r == null || r.type() != idx.range().type()) {
                return null;
            }
        }
        PrimaryKey pk = keyOf(item.attrs());
        RowKey row = new RowKey(r, pk.hash(), pk.range(), 0);
        return new IndexEntry(h, row, project(idx, item));
    }

    /** The item as stored in the index: all attributes, or keys only, or keys plus the INCLUDE list. */
    public Item project(IndexDef idx, Item item) {
        if (idx.projectionType() == IndexDef.ProjectionType.ALL) {
            return item;
        }
        Map<String, AttrValue> m = new LinkedHashMap<>();
        copy(item, def.hash().name(), m);
        if (def.range() != null) {
            copy(item, def.range().name(), m);
        }
        copy(item, idx.hash().name(), m);
        if (idx.range() != null) {
            copy(item, idx.range().name(), m);
        }
        if (idx.projectionType() == IndexDef.ProjectionType.INCLUDE) {
            for (String a : idx.nonKeyAttributes()) {
                copy(item, a, m);
            }
        }
        return Item.of(m);
    }

    private static void copy(Item item, String name, Map<String, AttrValue> into) {
        AttrValue v = item.get(name);
        if (v != null) {
            into.put(name, v);
        }
    }
}
