package org.serverlessloyalty.local.dynamodb.table;

import java.util.List;

/** A global or local secondary index: key schema and projection. */
public record IndexDef(String name, boolean local, KeyDef hash, KeyDef range, ProjectionType projectionType,
                       List<String> nonKeyAttributes, long readCapacity, long writeCapacity) {

    public enum ProjectionType { ALL, KEYS_ONLY, INCLUDE }

    public IndexDef {
        nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
    }
}
