package org.serverlessloyalty.local.dynamodb.persist;

import java.util.Map;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.table.TableDef;

/** A committed change to the database, as journaled and replayed. Replaying is idempotent: items are full images. */
public sealed interface Mutation {

    record CreateTable(TableDef def) implements Mutation {
    }

    record DeleteTable(String table) implements Mutation {
    }

    record UpdateTtl(String table, String attribute) implements Mutation {
    }

    record PutItem(String table, Map<String, AttrValue> item) implements Mutation {
    }

    record DeleteItem(String table, Map<String, AttrValue> key) implements Mutation {
    }
}
