package org.serverlessloyalty.local.dynamodb.engine;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.serverlessloyalty.local.dynamodb.FaultPolicy;
import org.serverlessloyalty.local.dynamodb.error.ApiException;

/** The DynamoDB API over a {@link Database}: maps operation names to their implementations. */
public final class Engine implements AutoCloseable {

    @FunctionalInterface
    private interface Operation {
        ObjectNode run(Request request, String region);
    }

    /** Transactions place their faults themselves: they hold their items while their latency runs (see {@link Faults}). */
    @FunctionalInterface
    private interface FaultAwareOperation {
        ObjectNode run(Request request, String region, Faults.Decision faults);
    }

    private final Database db;
    private final Faults faults;
    private final Map<String, Operation> operations = new HashMap<>();
    private final Map<String, FaultAwareOperation> faultAware = new HashMap<>();

    public Engine(Path dataDir, long ttlSweepMillis, long syncMillis) {
        this(dataDir, ttlSweepMillis, syncMillis, FaultPolicy.none());
    }

    public Engine(Path dataDir, long ttlSweepMillis, long syncMillis, FaultPolicy faultPolicy) {
        this.db = new Database(dataDir, ttlSweepMillis, syncMillis);
        this.faults = new Faults(faultPolicy);
        TableOps tables = new TableOps(db);
        ItemOps items = new ItemOps(db, faults);
        QueryScanOps queries = new QueryScanOps(db);
        BatchOps batches = new BatchOps(db);
        TransactionOps transactions = new TransactionOps(db, faults);
        operations.put("CreateTable", tables::createTable);
        operations.put("DescribeTable", tables::describeTable);
        operations.put("ListTables", (r, region) -> tables.listTables(r));
        operations.put("DeleteTable", tables::deleteTable);
        operations.put("UpdateTimeToLive", (r, region) -> tables.updateTimeToLive(r));
        operations.put("DescribeTimeToLive", (r, region) -> tables.describeTimeToLive(r));
        faultAware.put("PutItem", (r, region, f) -> items.putItem(r, f));
        operations.put("GetItem", (r, region) -> items.getItem(r));
        faultAware.put("UpdateItem", (r, region, f) -> items.updateItem(r, f));
        faultAware.put("DeleteItem", (r, region, f) -> items.deleteItem(r, f));
        operations.put("Query", (r, region) -> queries.query(r));
        operations.put("Scan", (r, region) -> queries.scan(r));
        operations.put("BatchGetItem", (r, region) -> batches.batchGetItem(r));
        operations.put("BatchWriteItem", (r, region) -> batches.batchWriteItem(r));
        faultAware.put("TransactWriteItems", transactions::transactWriteItems);
        faultAware.put("TransactGetItems", transactions::transactGetItems);
    }

    public boolean supports(String operation) {
        return operations.containsKey(operation) || faultAware.containsKey(operation);
    }

    /** The fault mode: its policy (replaceable at run time) and its counters. */
    public Faults faults() {
        return faults;
    }

    /** Runs an operation; throws {@link ApiException} for every error DynamoDB would report. */
    public ObjectNode handle(String operation, JsonNode body, String region) {
        if (!supports(operation)) {
            throw ApiException.unknownOperation(operation);
        }
        if (body == null || !body.isObject()) {
            throw ApiException.serialization("Request body must be a JSON object");
        }
        Faults.Decision decision = faults.decide(operation);
        Request request = new Request(body);
        if (operation.startsWith("Transact")) {
            return faultAware.get(operation).run(request, region, decision);
        }
        decision.delay();
        if (decision.kind != null) {
            decision.fail(0, target(operation, body), region);
        }
        FaultAwareOperation aware = faultAware.get(operation);
        return aware != null ? aware.run(request, region, decision) : operations.get(operation).run(request, region);
    }

    /** The table (and index) a throttled request is charged to: the first one it names. */
    private Faults.Target target(String operation, JsonNode body) {
        String table = null;
        String index = null;
        if (operation.startsWith("Batch")) {
            JsonNode items = body.get("RequestItems");
            if (items != null && items.isObject() && items.fieldNames().hasNext()) {
                table = items.fieldNames().next();
            }
        } else {
            table = text(body.get("TableName"));
            index = text(body.get("IndexName"));
        }
        return Faults.Target.of(db, table, index);
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** Deletes expired TTL items now (the background sweep does this periodically). */
    public int sweepExpiredItems(long nowEpochSeconds) {
        return db.sweepExpiredItems(nowEpochSeconds);
    }

    @Override
    public void close() {
        db.close();
    }
}
