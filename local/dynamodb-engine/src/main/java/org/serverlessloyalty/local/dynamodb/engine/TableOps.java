package org.serverlessloyalty.local.dynamodb.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.persist.Mutation;
import org.serverlessloyalty.local.dynamodb.table.IndexDef;
import org.serverlessloyalty.local.dynamodb.table.ItemStore;
import org.serverlessloyalty.local.dynamodb.table.KeyDef;
import org.serverlessloyalty.local.dynamodb.table.Table;
import org.serverlessloyalty.local.dynamodb.table.TableDef;

/** CreateTable, DescribeTable, ListTables, DeleteTable, UpdateTimeToLive, DescribeTimeToLive. */
final class TableOps {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String ACCOUNT = "000000000000";

    private final Database db;

    TableOps(Database db) {
        this.db = db;
    }

    // ------------------------------------------------------------------ CreateTable

    ObjectNode createTable(Request r, String region) {
        String name = r.tableName();
        Map<String, AttrValue.Type> attributes = attributeDefinitions(r.get("AttributeDefinitions"));
        KeyDef[] tableKey = keySchema(r.get("KeySchema"), attributes, "keySchema");
        String billing = r.enumValue("BillingMode", "billingMode", "PROVISIONED", "PROVISIONED", "PAY_PER_REQUEST");
        long[] throughput = throughput(r.get("ProvisionedThroughput"), billing, null);
        JsonNode stream = r.get("StreamSpecification");
        if (stream != null && stream.path("StreamEnabled").asBoolean(false)) {
            throw ApiException.validation("DynamoDB Streams are not supported by the local DynamoDB engine");
        }

        List<IndexDef> indexes = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        used.add(tableKey[0].name());
        if (tableKey[1] != null) {
            used.add(tableKey[1].name());
        }
        Set<String> indexNames = new LinkedHashSet<>();
        JsonNode gsis = r.get("GlobalSecondaryIndexes");
        if (gsis != null) {
            for (JsonNode g : gsis) {
                indexes.add(index(g, false, attributes, billing, tableKey, indexNames, used));
            }
        }
        JsonNode lsis = r.get("LocalSecondaryIndexes");
        if (lsis != null) {
            if (tableKey[1] == null) {
                throw ApiException.validation("One or more parameter values were invalid: Table KeySchema does not have "
                        + "a range key, which is required when specifying a LocalSecondaryIndex");
            }
            for (JsonNode l : lsis) {
                indexes.add(index(l, true, attributes, billing, tableKey, indexNames, used));
            }
        }
        if (!used.containsAll(attributes.keySet())) {
            throw ApiException.validation("One or more parameter values were invalid: Some AttributeDefinitions are not "
                    + "used. AttributeDefinitions: " + attributes.keySet() + ", keys used: " + used);
        }
        TableDef def = new TableDef(name, UUID.randomUUID().toString(), System.currentTimeMillis() / 1000.0, attributes,
                tableKey[0], tableKey[1], indexes, billing, throughput[0], throughput[1], null);
        Lock lock = db.writeLock();
        lock.lock();
        try {
            if (db.tableOrNull(name) != null) {
                throw ApiException.resourceInUse("Table already exists: " + name);
            }
            Mutation m = new Mutation.CreateTable(def);
            db.apply(m);
            db.journal(List.of(m));
            ObjectNode out = NODES.objectNode();
            out.set("TableDescription", describe(db.table(name), region, "ACTIVE"));
            return out;
        } finally {
            lock.unlock();
        }
    }

    private static Map<String, AttrValue.Type> attributeDefinitions(JsonNode defs) {
        if (defs == null || !defs.isArray()) {
            throw ApiException.validation("1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null");
        }
        Map<String, AttrValue.Type> out = new LinkedHashMap<>();
        for (JsonNode d : defs) {
            String n = d.path("AttributeName").asText(null);
            String t = d.path("AttributeType").asText(null);
            if (n == null || t == null || !(t.equals("S") || t.equals("N") || t.equals("B"))) {
                throw ApiException.validation("1 validation error detected: Value '" + t + "' at 'attributeDefinitions."
                        + (out.size() + 1) + ".member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            }
            if (out.put(n, AttrValue.Type.valueOf(t)) != null) {
                throw ApiException.validation("Cannot have two attributes with the same name: " + n);
            }
        }
        return out;
    }

    private static KeyDef[] keySchema(JsonNode schema, Map<String, AttrValue.Type> attributes, String member) {
        if (schema == null || !schema.isArray() || schema.isEmpty()) {
            throw ApiException.validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (schema.size() > 2) {
            throw ApiException.validation("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to 2");
        }
        KeyDef[] out = new KeyDef[2];
        for (int i = 0; i < schema.size(); i++) {
            JsonNode k = schema.get(i);
            String n = k.path("AttributeName").asText();
            String type = k.path("KeyType").asText();
            if (i == 0 && !type.equals("HASH")) {
                throw ApiException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
            }
            if (i == 1 && !type.equals("RANGE")) {
                throw ApiException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
            AttrValue.Type t = attributes.get(n);
            if (t == null) {
                throw ApiException.validation("One or more parameter values were invalid: Some index key attributes are "
                        + "not defined in AttributeDefinitions. Keys: [" + n + "], AttributeDefinitions: " + attributes.keySet());
            }
            out[i] = new KeyDef(n, t);
        }
        if (out[1] != null && out[0].name().equals(out[1].name())) {
            throw ApiException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        return out;
    }

    private static long[] throughput(JsonNode pt, String billing, String indexName) {
        if (billing.equals("PAY_PER_REQUEST")) {
            if (pt != null) {
                throw ApiException.validation("One or more parameter values were invalid: Neither ReadCapacityUnits nor "
                        + "WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            return new long[] {0, 0};
        }
        if (pt == null || !pt.has("ReadCapacityUnits") || !pt.has("WriteCapacityUnits")) {
            if (indexName != null) {
                throw ApiException.validation("One or more parameter values were invalid: ProvisionedThroughput must be "
                        + "specified for index: " + indexName);
            }
            throw ApiException.validation("One or more parameter values were invalid: ReadCapacityUnits and "
                    + "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        }
        long rcu = pt.get("ReadCapacityUnits").asLong();
        long wcu = pt.get("WriteCapacityUnits").asLong();
        if (rcu < 1 || wcu < 1) {
            throw ApiException.validation("One or more parameter values were invalid: Provisioned throughput values "
                    + "must be greater than or equal to 1");
        }
        return new long[] {rcu, wcu};
    }

    private static IndexDef index(JsonNode node, boolean local, Map<String, AttrValue.Type> attributes, String billing,
                                  KeyDef[] tableKey, Set<String> names, Set<String> used) {
        String name = node.path("IndexName").asText(null);
        if (name == null || name.length() < 3) {
            throw ApiException.validation("1 validation error detected: Value '" + name + "' at 'indexName' failed to "
                    + "satisfy constraint: Member must have length greater than or equal to 3");
        }
        if (!names.add(name)) {
            throw ApiException.validation("One or more parameter values were invalid: Duplicate index name: " + name);
        }
        KeyDef[] key = keySchema(node.get("KeySchema"), attributes, (local ? "localSecondaryIndexes" : "globalSecondaryIndexes")
                + ".member.keySchema");
        if (local) {
            if (!key[0].name().equals(tableKey[0].name())) {
                throw ApiException.validation("One or more parameter values were invalid: Index KeySchema does not have "
                        + "the same leading hash key as table KeySchema for index: " + name);
            }
            if (key[1] == null) {
                throw ApiException.validation("One or more parameter values were invalid: Index KeySchema does not have "
                        + "a range key for index: " + name);
            }
        }
        used.add(key[0].name());
        if (key[1] != null) {
            used.add(key[1].name());
        }
        JsonNode projection = node.get("Projection");
        if (projection == null) {
            throw ApiException.validation("1 validation error detected: Value null at 'projection' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        String typeText = projection.path("ProjectionType").asText("ALL");
        IndexDef.ProjectionType type;
        try {
            type = IndexDef.ProjectionType.valueOf(typeText);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("1 validation error detected: Value '" + typeText + "' at 'projectionType' "
                    + "failed to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
        }
        List<String> nonKey = new ArrayList<>();
        JsonNode nk = projection.get("NonKeyAttributes");
        if (nk != null) {
            nk.forEach(n -> nonKey.add(n.asText()));
        }
        if (type == IndexDef.ProjectionType.INCLUDE && nonKey.isEmpty()) {
            throw ApiException.validation("One or more parameter values were invalid: NonKeyAttributes must not be "
                    + "empty when ProjectionType is INCLUDE");
        }
        if (type != IndexDef.ProjectionType.INCLUDE && !nonKey.isEmpty()) {
            throw ApiException.validation("One or more parameter values were invalid: ProjectionType is " + type
                    + ", but NonKeyAttributes is specified");
        }
        long[] throughput = local ? new long[] {0, 0} : throughput(node.get("ProvisionedThroughput"), billing, name);
        return new IndexDef(name, local, key[0], key[1], type, nonKey, throughput[0], throughput[1]);
    }

    // ------------------------------------------------------------------ DescribeTable, ListTables, DeleteTable

    ObjectNode describeTable(Request r, String region) {
        String name = r.tableName();
        Lock lock = db.readLock();
        lock.lock();
        try {
            Table t = db.tableForTableOperation(name);
            ObjectNode out = NODES.objectNode();
            out.set("Table", describe(t, region, "ACTIVE"));
            return out;
        } finally {
            lock.unlock();
        }
    }

    ObjectNode listTables(Request r) {
        String start = r.string("ExclusiveStartTableName");
        Integer limit = r.integer("Limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw ApiException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to "
                    + "satisfy constraint: Member must have value " + (limit < 1 ? "greater than or equal to 1" : "less than or equal to 100"));
        }
        int max = limit == null ? 100 : limit;
        List<String> names = new ArrayList<>();
        Lock lock = db.readLock();
        lock.lock();
        try {
            for (Table t : db.tables()) {
                names.add(t.def().name());
            }
        } finally {
            lock.unlock();
        }
        names.sort(null);
        ObjectNode out = NODES.objectNode();
        ArrayNode arr = out.putArray("TableNames");
        String last = null;
        int count = 0;
        boolean more = false;
        for (String n : names) {
            if (start != null && n.compareTo(start) <= 0) {
                continue;
            }
            if (count == max) {
                more = true;
                break;
            }
            arr.add(n);
            last = n;
            count++;
        }
        if (more) {
            out.put("LastEvaluatedTableName", last);
        }
        return out;
    }

    ObjectNode deleteTable(Request r, String region) {
        String name = r.tableName();
        Lock lock = db.writeLock();
        lock.lock();
        try {
            Table t = db.tableForTableOperation(name);
            ObjectNode out = NODES.objectNode();
            out.set("TableDescription", describe(t, region, "DELETING"));
            Mutation m = new Mutation.DeleteTable(name);
            db.apply(m);
            db.journal(List.of(m));
            return out;
        } finally {
            lock.unlock();
        }
    }

    static ObjectNode describe(Table t, String region, String status) {
        TableDef d = t.def();
        String arn = "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + d.name();
        ObjectNode o = NODES.objectNode();
        ArrayNode attrs = o.putArray("AttributeDefinitions");
        d.attributeDefinitions().forEach((n, type) -> attrs.addObject().put("AttributeName", n).put("AttributeType", type.name()));
        o.put("TableName", d.name());
        o.set("KeySchema", keySchema(d.hash(), d.range()));
        o.put("TableStatus", status);
        o.put("CreationDateTime", d.creationDateTime());
        o.set("ProvisionedThroughput", throughput(d.readCapacity(), d.writeCapacity()));
        o.put("TableSizeBytes", t.items().bytes());
        o.put("ItemCount", t.items().count());
        o.put("TableArn", arn);
        o.put("TableId", d.tableId());
        if (d.billingMode().equals("PAY_PER_REQUEST")) {
            o.putObject("BillingModeSummary").put("BillingMode", "PAY_PER_REQUEST")
                    .put("LastUpdateToPayPerRequestDateTime", d.creationDateTime());
        }
        List<IndexDef> gsis = d.globalIndexes();
        if (!gsis.isEmpty()) {
            ArrayNode arr = o.putArray("GlobalSecondaryIndexes");
            for (IndexDef i : gsis) {
                ObjectNode io = describeIndex(t, i, arn);
                io.put("IndexStatus", "ACTIVE");
                io.set("ProvisionedThroughput", throughput(i.readCapacity(), i.writeCapacity()));
                arr.add(io);
            }
        }
        List<IndexDef> lsis = d.localIndexes();
        if (!lsis.isEmpty()) {
            ArrayNode arr = o.putArray("LocalSecondaryIndexes");
            for (IndexDef i : lsis) {
                arr.add(describeIndex(t, i, arn));
            }
        }
        o.put("DeletionProtectionEnabled", false);
        return o;
    }

    private static ObjectNode describeIndex(Table t, IndexDef i, String tableArn) {
        ObjectNode io = NODES.objectNode();
        io.put("IndexName", i.name());
        io.set("KeySchema", keySchema(i.hash(), i.range()));
        ObjectNode p = io.putObject("Projection").put("ProjectionType", i.projectionType().name());
        if (!i.nonKeyAttributes().isEmpty()) {
            ArrayNode nk = p.putArray("NonKeyAttributes");
            i.nonKeyAttributes().forEach(nk::add);
        }
        ItemStore store = t.indexStore(i.name());
        io.put("IndexSizeBytes", store.bytes());
        io.put("ItemCount", store.count());
        io.put("IndexArn", tableArn + "/index/" + i.name());
        return io;
    }

    private static ArrayNode keySchema(KeyDef hash, KeyDef range) {
        ArrayNode ks = NODES.arrayNode();
        ks.addObject().put("AttributeName", hash.name()).put("KeyType", "HASH");
        if (range != null) {
            ks.addObject().put("AttributeName", range.name()).put("KeyType", "RANGE");
        }
        return ks;
    }

    private static ObjectNode throughput(long rcu, long wcu) {
        return NODES.objectNode().put("NumberOfDecreasesToday", 0).put("ReadCapacityUnits", rcu)
                .put("WriteCapacityUnits", wcu);
    }

    // ------------------------------------------------------------------ TTL

    ObjectNode updateTimeToLive(Request r) {
        String name = r.tableName();
        JsonNode spec = r.get("TimeToLiveSpecification");
        if (spec == null || !spec.has("Enabled") || !spec.has("AttributeName")) {
            throw ApiException.validation("1 validation error detected: Value null at 'timeToLiveSpecification' failed "
                    + "to satisfy constraint: Member must not be null");
        }
        boolean enabled = spec.get("Enabled").asBoolean();
        String attribute = spec.get("AttributeName").asText();
        if (attribute.isEmpty()) {
            throw ApiException.validation("1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' "
                    + "failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        Lock lock = db.writeLock();
        lock.lock();
        try {
            Table t = db.table(name);
            String current = t.def().ttlAttribute();
            if (enabled) {
                if (current != null) {
                    throw ApiException.validation(current.equals(attribute) ? "TimeToLive is already enabled"
                            : "TimeToLive is active on a different AttributeName: current AttributeName is " + current);
                }
            } else {
                if (current == null) {
                    throw ApiException.validation("TimeToLive is already disabled");
                }
                if (!current.equals(attribute)) {
                    throw ApiException.validation("TimeToLive is active on a different AttributeName: current AttributeName is " + current);
                }
            }
            Mutation m = new Mutation.UpdateTtl(name, enabled ? attribute : null);
            db.apply(m);
            db.journal(List.of(m));
        } finally {
            lock.unlock();
        }
        ObjectNode out = NODES.objectNode();
        out.putObject("TimeToLiveSpecification").put("Enabled", enabled).put("AttributeName", attribute);
        return out;
    }

    ObjectNode describeTimeToLive(Request r) {
        String name = r.tableName();
        String attribute;
        Lock lock = db.readLock();
        lock.lock();
        try {
            Table t = db.tableForTableOperation(name);
            attribute = t.def().ttlAttribute();
        } finally {
            lock.unlock();
        }
        ObjectNode out = NODES.objectNode();
        ObjectNode d = out.putObject("TimeToLiveDescription");
        if (attribute == null) {
            d.put("TimeToLiveStatus", "DISABLED");
        } else {
            d.put("TimeToLiveStatus", "ENABLED").put("AttributeName", attribute);
        }
        return out;
    }
}
