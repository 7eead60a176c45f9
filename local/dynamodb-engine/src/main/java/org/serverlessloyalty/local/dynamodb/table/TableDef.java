package org.serverlessloyalty.local.dynamodb.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;

/** Immutable definition of a table: keys, attribute definitions, indexes, billing, TTL attribute. */
public record TableDef(String name, String tableId, double creationDateTime, Map<String, AttrValue.Type> attributeDefinitions,
                       KeyDef hash, KeyDef range, List<IndexDef> indexes, String billingMode, long readCapacity,
                       long writeCapacity, String ttlAttribute) {

    public TableDef {
        attributeDefinitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributeDefinitions));
        indexes = List.copyOf(indexes);
    }

    public TableDef withTtlAttribute(String attribute) {
        return new TableDef(name, tableId, creationDateTime, attributeDefinitions, hash, range, indexes, billingMode,
                readCapacity, writeCapacity, attribute);
    }

    public IndexDef index(String indexName) {
        for (IndexDef i : indexes) {
            if (i.name().equals(indexName)) {
                return i;
            }
        }
        return null;
    }

    public List<IndexDef> globalIndexes() {
        List<IndexDef> out = new ArrayList<>();
        for (IndexDef i : indexes) {
            if (!i.local()) {
                out.add(i);
            }
        }
        return out;
    }

    public List<IndexDef> localIndexes() {
        List<IndexDef> out = new ArrayList<>();
        for (IndexDef i : indexes) {
            if (i.local()) {
                out.add(i);
            }
        }
        return out;
    }

    public boolean isKeyAttribute(String attribute) {
        return attribute.equals(hash.name()) || (range != null && attribute.equals(range.name()));
    }
}
