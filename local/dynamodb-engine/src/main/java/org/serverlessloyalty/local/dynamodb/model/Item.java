package org.serverlessloyalty.local.dynamodb.model;

import java.util.Collections;
import java.util.Map;

/** An immutable stored item: its attributes and its DynamoDB size in bytes (computed once). */
public final class Item {

    private final Map<String, AttrValue> attrs;
    private final int size;

    private Item(Map<String, AttrValue> attrs) {
        this.attrs = attrs;
        this.size = ItemSize.of(attrs);
    }

    /** Wraps {@code attrs}, taking ownership (the caller must not modify the map afterwards). */
    public static Item of(Map<String, AttrValue> attrs) {
        return new Item(Collections.unmodifiableMap(attrs));
    }

    public Map<String, AttrValue> attrs() {
        return attrs;
    }

    public AttrValue get(String name) {
        return attrs.get(name);
    }

    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return attrs.toString();
    }
}
