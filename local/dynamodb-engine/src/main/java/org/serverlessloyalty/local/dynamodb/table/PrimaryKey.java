package org.serverlessloyalty.local.dynamodb.table;

import java.util.LinkedHashMap;
import java.util.Map;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;

/** A table item's primary key values (range is null for tables without sort key). */
public record PrimaryKey(AttrValue hash, AttrValue range) {

    public RowKey row() {
        return RowKey.of(range);
    }

    public Map<String, AttrValue> toAttributes(TableDef def) {
        Map<String, AttrValue> m = new LinkedHashMap<>(4);
        m.put(def.hash().name(), hash);
        if (def.range() != null) {
            m.put(def.range().name(), range);
        }
        return m;
    }
}
