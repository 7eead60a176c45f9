package org.serverlessloyalty.local.dynamodb.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.serverlessloyalty.local.dynamodb.capacity.Capacity;
import org.serverlessloyalty.local.dynamodb.capacity.ConsumedCapacity;
import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.expr.Projection;
import org.serverlessloyalty.local.dynamodb.model.Item;
import org.serverlessloyalty.local.dynamodb.model.Wire;
import org.serverlessloyalty.local.dynamodb.persist.Mutation;
import org.serverlessloyalty.local.dynamodb.table.PrimaryKey;
import org.serverlessloyalty.local.dynamodb.table.Table;

/**
 * BatchGetItem (up to 100 keys; a response over 16 MB returns the rest as UnprocessedKeys) and
 * BatchWriteItem (up to 25 puts/deletes, no conditions; applied under the write lock, so never unprocessed).
 */
final class BatchOps {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_GET_KEYS = 100;
    private static final int MAX_WRITES = 25;
    private static final long MAX_RESPONSE_BYTES = 16L * 1024 * 1024;

    private final Database db;

    BatchOps(Database db) {
        this.db = db;
    }

    private static JsonNode requestItems(Request r) {
        JsonNode items = r.get("RequestItems");
        if (items == null) {
            throw ApiException.validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
        }
        if (!items.isObject() || items.isEmpty()) {
            throw ApiException.validation("1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        return items;
    }

    ObjectNode batchGetItem(Request r) {
        JsonNode requestItems = requestItems(r);
        ConsumedCapacity cc = new ConsumedCapacity(ConsumedCapacity.mode(r.string("ReturnConsumedCapacity")));
        int total = 0;
        for (Map.Entry<String, JsonNode> e : requestItems.properties()) {
            JsonNode keys = e.getValue().get("Keys");
            if (keys == null || !keys.isArray() || keys.isEmpty()) {
                throw ApiException.validation("1 validation error detected: Value '[]' at 'requestItems." + e.getKey()
                        + ".member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1");
            }
            total += keys.size();
        }
        if (total > MAX_GET_KEYS) {
            throw ApiException.validation("Too many items requested for the BatchGetItem call");
        }
        ObjectNode responses = NODES.objectNode();
        ObjectNode unprocessed = NODES.objectNode();
        long responseBytes = 0;
        Lock lock = db.readLock();
        lock.lock();
        try {
            for (Map.Entry<String, JsonNode> e : requestItems.properties()) {
                String tableName = new Request(NODES.objectNode().put("TableName", e.getKey())).tableName();
                Request tr = new Request(e.getValue());
                tr.rejectLegacy("AttributesToGet");
                Table table = db.table(tableName);
                boolean consistent = tr.bool("ConsistentRead", false);
                Projection projection = ItemOps.projection(tr);
                ArrayNode out = responses.putArray(tableName);
                Set<PrimaryKey> seen = new HashSet<>();
                ArrayNode leftOver = null;
                for (JsonNode keyNode : tr.get("Keys")) {
                    PrimaryKey key = table.keyFromRequest(Wire.readMap(keyNode));
                    if (!seen.add(key)) {
                        throw ApiException.validation("Provided list of item keys contains duplicates");
                    }
                    if (responseBytes > MAX_RESPONSE_BYTES) {
                        if (leftOver == null) {
                            ObjectNode u = e.getValue().deepCopy();
                            leftOver = u.putArray("Keys");
                            unprocessed.set(tableName, u);
                        }
                        leftOver.add(keyNode);
                        continue;
                    }
                    Item item = table.get(key);
                    cc.tableRead(tableName, Capacity.readUnits(item == null ? 0 : item.size(), consistent));
                    if (item != null) {
                        responseBytes += item.size();
                        out.add(Wire.writeMap(projection == null ? item.attrs() : projection.apply(item.attrs())));
                    }
                }
            }
        } finally {
            lock.unlock();
        }
        ObjectNode result = NODES.objectNode();
        result.set("Responses", responses);
        result.set("UnprocessedKeys", unprocessed);
        if (cc.enabled()) {
            result.set("ConsumedCapacity", cc.toJsonList());
        }
        return result;
    }

    ObjectNode batchWriteItem(Request r) {
        JsonNode requestItems = requestItems(r);
        ConsumedCapacity cc = new ConsumedCapacity(ConsumedCapacity.mode(r.string("ReturnConsumedCapacity")));
        List<WritePlan> plans = new ArrayList<>();
        Map<Table, Set<PrimaryKey>> seen = new LinkedHashMap<>();
        int total = 0;
        for (Map.Entry<String, JsonNode> e : requestItems.properties()) {
            String tableName = new Request(NODES.objectNode().put("TableName", e.getKey())).tableName();
            JsonNode requests = e.getValue();
            if (!requests.isArray() || requests.isEmpty()) {
                throw ApiException.validation("1 validation error detected: Value '[]' at 'requestItems." + tableName
                        + ".member' failed to satisfy constraint: Member must have length greater than or equal to 1");
            }
            total += requests.size();
            if (total > MAX_WRITES) {
                throw ApiException.validation("Too many items requested for the BatchWriteItem call");
            }
            Table table = ItemOps.lookup(db, tableName);
            for (JsonNode req : requests) {
                JsonNode put = req.get("PutRequest");
                JsonNode delete = req.get("DeleteRequest");
                if ((put == null) == (delete == null)) {
                    throw ApiException.validation("A WriteRequest must contain exactly one of PutRequest or DeleteRequest");
                }
                WritePlan plan = put != null
                        ? WritePlan.batchPut(table, new Request(put).attributes("Item"))
                        : WritePlan.batchDelete(table, new Request(delete).attributes("Key"));
                if (!seen.computeIfAbsent(table, t -> new HashSet<>()).add(plan.key)) {
                    throw ApiException.validation("Provided list of item keys contains duplicates");
                }
                plans.add(plan);
            }
        }
        Lock lock = db.writeLock();
        lock.lock();
        try {
            for (WritePlan plan : plans) {
                ItemOps.ensureStillExists(db, plan.table);
            }
            List<Mutation> journal = new ArrayList<>(plans.size());
            for (WritePlan plan : plans) {
                WritePlan.Evaluation e = plan.evaluate();
                Table.WriteOutcome outcome = plan.commit(e, journal);
                ItemOps.recordWrite(cc, plan, e, outcome, 1);
            }
            db.journal(journal);
        } finally {
            lock.unlock();
        }
        ObjectNode result = NODES.objectNode();
        result.putObject("UnprocessedItems");
        if (cc.enabled()) {
            result.set("ConsumedCapacity", cc.toJsonList());
        }
        return result;
    }
}
