package org.serverlessloyalty.local.dynamodb.engine;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.serverlessloyalty.local.dynamodb.error.ApiException;

/** The DynamoDB API over a {@link Database}: maps operation names to their implementations. */
public final class Engine implements AutoCloseable {

    @FunctionalInterface
    private interface Operation {
        ObjectNode run(Request request, String region);
    }

    private final Database db;
    private final Map<String, Operation> operations = new HashMap<>();

    public Engine(Path dataDir, long ttlSweepMillis, long syncMillis) {
        this.db = new Database(dataDir, ttlSweepMillis, syncMillis);
        TableOps tables = new TableOps(db);
        ItemOps items = new ItemOps(db);
        QueryScanOps queries = new QueryScanOps(db);
        BatchOps batches = new BatchOps(db);
        TransactionOps transactions = new TransactionOps(db);
        operations.put("CreateTable", tables::createTable);
        operations.put("DescribeTable", tables::describeTable);
        operations.put("ListTables", (r, region) -> tables.listTables(r));
        operations.put("DeleteTable", tables::deleteTable);
        operations.put("UpdateTimeToLive", (r, region) -> tables.updateTimeToLive(r));
        operations.put("DescribeTimeToLive", (r, region) -> tables.describeTimeToLive(r));
        operations.put("PutItem", (r, region) -> items.putItem(r));
        operations.put("GetItem", (r, region) -> items.getItem(r));
        operations.put("UpdateItem", (r, region) -> items.updateItem(r));
        operations.put("DeleteItem", (r, region) -> items.deleteItem(r));
        operations.put("Query", (r, region) -> queries.query(r));
        operations.put("Scan", (r, region) -> queries.scan(r));
        operations.put("BatchGetItem", (r, region) -> batches.batchGetItem(r));
        operations.put("BatchWriteItem", (r, region) -> batches.batchWriteItem(r));
        operations.put("TransactWriteItems", (r, region) -> transactions.transactWriteItems(r));
        operations.put("TransactGetItems", (r, region) -> transactions.transactGetItems(r));
    }

    public boolean supports(String operation) {
        return operations.containsKey(operation);
    }

    /** Runs an operation; throws {@link ApiException} for every error DynamoDB would report. */
    public ObjectNode handle(String operation, JsonNode body, String region) {
        Operation op = operations.get(operation);
        if (op == null) {
            throw ApiException.unknownOperation(operation);
        }
        if (body == null || !body.isObject()) {
            throw ApiException.serialization("Request body must be a JSON object");
        }
        return op.run(new Request(body), region);
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
