package org.serverlessloyalty.local.dynamodb.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.serverlessloyalty.local.dynamodb.FaultKind;
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
 * TransactWriteItems and TransactGetItems. A write transaction evaluates every condition under the database
 * write lock, then applies all writes or none, and journals them as one record. ClientRequestToken
 * idempotency is not implemented: a repeated token simply runs the transaction again.
 *
 * <p>Capacity: each Put/Update/Delete costs twice the standard write units of its item (index writes at the
 * standard rate); a ConditionCheck costs a transactional read (2 units per started 4 KB).
 */
final class TransactionOps {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_ITEMS = 100;

    private final Database db;
    private final Faults faults;

    TransactionOps(Database db, Faults faults) {
        this.db = db;
        this.faults = faults;
    }

    private static JsonNode transactItems(Request r) {
        JsonNode items = r.get("TransactItems");
        if (items == null) {
            throw ApiException.validation("1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null");
        }
        if (!items.isArray() || items.isEmpty()) {
            throw ApiException.validation("1 validation error detected: Value '[]' at 'transactItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (items.size() > MAX_ITEMS) {
            throw ApiException.validation("1 validation error detected: Value at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to " + MAX_ITEMS);
        }
        return items;
    }

    private record TableKey(String table, PrimaryKey key) {
    }

    ObjectNode transactWriteItems(Request r, String region, Faults.Decision decision) {
        JsonNode items = transactItems(r);
        ConsumedCapacity cc = new ConsumedCapacity(ConsumedCapacity.mode(r.string("ReturnConsumedCapacity")));
        List<WritePlan> plans = new ArrayList<>(items.size());
        Set<TableKey> seen = new HashSet<>();
        for (JsonNode item : items) {
            if (item.size() != 1) {
                throw ApiException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            Map.Entry<String, JsonNode> e = item.properties().iterator().next();
            Request op = new Request(e.getValue());
            Table table = ItemOps.lookup(db, op.tableName());
            WritePlan plan;
            switch (e.getKey()) {
                case "Put": plan = WritePlan.put(op, table); break;
                case "Update": plan = WritePlan.update(op, table); break;
                case "Delete": plan = WritePlan.delete(op, table); break;
                case "ConditionCheck": plan = WritePlan.check(op, table); break;
                default:
                    throw ApiException.validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            if (!seen.add(new TableKey(plan.tableName(), plan.key))) {
                throw ApiException.validation("Transaction request cannot include multiple operations on one item");
            }
            plans.add(plan);
        }

        Faults.Hold hold = new Faults.Hold();
        if (decision.overlap) {
            List<Faults.ItemRef> refs = plans.stream().map(p -> new Faults.ItemRef(p.tableName(), p.key)).toList();
            List<Integer> conflicts = faults.hold(hold, refs);
            if (!conflicts.isEmpty()) {
                faults.count(FaultKind.OVERLAP_CONFLICT, decision.operation);
                throw Faults.cancellation(plans.size(), conflicts, "TransactionConflict",
                        ApiException.TRANSACTION_CONFLICT_MESSAGE);
            }
        }
        try {
            // The items stay held through the latency and the wait for the lock: that is the overlap window.
            decision.delay();
            if (decision.kind != null) {
                decision.fail(plans.size(), Faults.Target.of(db, plans.get(0).tableName(), null), region);
            }
            return commit(cc, plans);
        } finally {
            faults.release(hold);
        }
    }

    private ObjectNode commit(ConsumedCapacity cc, List<WritePlan> plans) {
        List<WritePlan.Evaluation> evaluations = new ArrayList<>(plans.size());
        Lock lock = db.writeLock();
        lock.lock();
        try {
            for (WritePlan plan : plans) {
                ItemOps.ensureStillExists(db, plan.table);
            }
            ArrayNode reasons = NODES.arrayNode();
            List<String> codes = new ArrayList<>(plans.size());
            boolean failed = false;
            for (WritePlan plan : plans) {
                ObjectNode reason = reasons.addObject();
                try {
                    WritePlan.Evaluation e = plan.evaluate();
                    evaluations.add(e);
                    if (e.conditionPassed) {
                        reason.put("Code", "None");
                        codes.add("None");
                    } else {
                        failed = true;
                        reason.put("Code", "ConditionalCheckFailed");
                        reason.put("Message", "The conditional request failed");
                        if (plan.returnOldOnConditionFailure && e.current != null) {
                            reason.set("Item", Wire.writeMap(e.current.attrs()));
                        }
                        codes.add("ConditionalCheckFailed");
                    }
                } catch (ApiException ex) {
                    if (!ex.code().equals("ValidationException")) {
                        throw ex;
                    }
                    failed = true;
                    evaluations.add(null);
                    reason.put("Code", "ValidationError");
                    reason.put("Message", ex.getMessage());
                    codes.add("ValidationError");
                }
            }
            if (failed) {
                throw ApiException.transactionCanceled(codes, reasons);
            }
            List<Mutation> journal = new ArrayList<>(plans.size());
            for (int i = 0; i < plans.size(); i++) {
                WritePlan plan = plans.get(i);
                WritePlan.Evaluation e = evaluations.get(i);
                Table.WriteOutcome outcome = plan.commit(e, journal);
                if (plan.kind == WritePlan.Kind.CHECK) {
                    cc.tableRead(plan.tableName(), Capacity.transactionalReadUnits(e.current == null ? 0 : e.current.size()));
                } else {
                    ItemOps.recordWrite(cc, plan, e, outcome, 2);
                }
            }
            db.journal(journal);
        } finally {
            lock.unlock();
        }
        ObjectNode out = NODES.objectNode();
        if (cc.enabled()) {
            out.set("ConsumedCapacity", cc.toJsonList());
        }
        return out;
    }

    ObjectNode transactGetItems(Request r, String region, Faults.Decision decision) {
        JsonNode items = transactItems(r);
        decision.delay();
        if (decision.kind != null) {
            JsonNode first = items.get(0).get("Get");
            JsonNode table = first == null ? null : first.get("TableName");
            decision.fail(items.size(), Faults.Target.of(db, table != null && table.isTextual() ? table.textValue() : null,
                    null), region);
        }
        ConsumedCapacity cc = new ConsumedCapacity(ConsumedCapacity.mode(r.string("ReturnConsumedCapacity")));
        ArrayNode responses = NODES.arrayNode();
        Set<TableKey> seen = new HashSet<>();
        List<Faults.ItemRef> refs = new ArrayList<>(items.size());
        Lock lock = db.readLock();
        lock.lock();
        try {
            for (JsonNode item : items) {
                JsonNode get = item.get("Get");
                if (get == null || item.size() != 1) {
                    throw ApiException.validation("TransactItems can only contain Get");
                }
                Request gr = new Request(get);
                String tableName = gr.tableName();
                Table table = db.table(tableName);
                PrimaryKey key = table.keyFromRequest(gr.attributes("Key"));
                Projection projection = ItemOps.projection(gr);
                if (!seen.add(new TableKey(tableName, key))) {
                    throw ApiException.validation("Transaction request cannot include multiple operations on one item");
                }
                refs.add(new Faults.ItemRef(tableName, key));
                Item found = table.get(key);
                ObjectNode response = responses.addObject();
                if (found != null) {
                    response.set("Item", Wire.writeMap(projection == null ? found.attrs() : projection.apply(found.attrs())));
                }
                cc.tableRead(tableName, Capacity.transactionalReadUnits(found == null ? 0 : found.size()));
            }
            if (decision.overlap) {
                List<Integer> conflicts = faults.heldAmong(refs);
                if (!conflicts.isEmpty()) {
                    faults.count(FaultKind.OVERLAP_CONFLICT, decision.operation);
                    throw Faults.cancellation(items.size(), conflicts, "TransactionConflict",
                            ApiException.TRANSACTION_CONFLICT_MESSAGE);
                }
            }
        } finally {
            lock.unlock();
        }
        ObjectNode out = NODES.objectNode();
        out.set("Responses", responses);
        if (cc.enabled()) {
            out.set("ConsumedCapacity", cc.toJsonList());
        }
        return out;
    }
}
