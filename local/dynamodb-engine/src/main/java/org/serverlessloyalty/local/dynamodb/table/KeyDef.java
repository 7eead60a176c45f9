package org.serverlessloyalty.local.dynamodb.table;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;

/** A key attribute: its name and scalar type (S, N or B). */
public record KeyDef(String name, AttrValue.Type type) {
}
