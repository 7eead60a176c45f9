package org.serverlessloyalty.local.dynamodb.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.serverlessloyalty.local.dynamodb.FaultKind;
import org.serverlessloyalty.local.dynamodb.capacity.Capacity;
import org.serverlessloyalty.local.dynamodb.capacity.ConsumedCapacity;
import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.expr.ExpressionContext;
import org.serverlessloyalty.local.dynamodb.expr.Parser;
import org.serverlessloyalty.local.dynamodb.expr.Projection;
import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Item;
import org.serverlessloyalty.local.dynamodb.model.Wire;
import org.serverlessloyalty.local.dynamodb.persist.Mutation;
import org.serverlessloyalty.local.dynamodb.table.IndexDef;
import org.serverlessloyalty.local.dynamodb.table.PrimaryKey;
import org.serverlessloyalty.local.dynamodb.table.Table;

/** PutItem, GetItem, UpdateItem, DeleteItem. */
final class ItemOps {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Database db;
    private final Faults faults;

    ItemOps(Database db, Faults faults) {
        this.db = db;
        this.faults = faults;
    }

    /** Looks a table up under the read lock (writes re-check it under the write lock). */
    static Table lookup(Database db, String name) {
        Lock r = db.readLock();
        r.lock();
        try {
            return db.table(name);
        } finally {
            r.unlock();
        }
    }

    static void ensureStillExists(Database db, Table table) {
        if (db.tableOrNull(table.def().name()) != table) {
            throw ApiException.tableNotFound();
        }
    }

    // ------------------------------------------------------------------ GetItem

    ObjectNode getItem(Request r) {
        r.rejectLegacy("AttributesToGet");
        String name = r.tableName();
        boolean consistent = r.bool("ConsistentRead", false);
        ConsumedCapacity cc = new ConsumedCapacity(ConsumedCapacity.mode(r.string("ReturnConsumedCapacity")));
        Projection projection = projection(r);
        Item item;
        Lock lock = db.readLock();
        lock.lock();
        try {
            Table table = db.table(name);
            PrimaryKey key = table.keyFromRequest(r.attributes("Key"));
            item = table.get(key);
        } finally {
            lock.unlock();
        }
        ObjectNode out = NODES.objectNode();
        if (item != null) {
            out.set("Item", Wire.writeMap(projection == null ? item.attrs() : projection.apply(item.attrs())));
        }
        if (cc.enabled()) {
            cc.tableRead(name, Capacity.readUnits(item == null ? 0 : item.size(), consistent));
            out.set("ConsumedCapacity", cc.toJson(name));
        }
        return out;
    }

    /** Parses ProjectionExpression (with its ExpressionAttributeNames) for GetItem-like requests; null if absent. */
    static Projection projection(Request r) {
        String text = r.string("ProjectionExpression");
        ExpressionContext ctx = r.expressionContext(text != null);
        if (r.has("ExpressionAttributeValues")) {
            throw ApiException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", r.attributes("ExpressionAttributeValues").keySet()) + "}");
        }
        Projection p = text == null ? null : Projection.of(Parser.parseProjection(text, ctx));
        ctx.checkAllUsed();
        return p;
    }

    // ------------------------------------------------------------------ writes

    ObjectNode putItem(Request r, Faults.Decision decision) {
        Table table = lookup(db, r.tableName());
        WritePlan plan = WritePlan.put(r, table);
        String returnValues = returnValues(r, false);
        return executeSingle(r, plan, returnValues, decision);
    }

    ObjectNode deleteItem(Request r, Faults.Decision decision) {
        Table table = lookup(db, r.tableName());
        WritePlan plan = WritePlan.delete(r, table);
        String returnValues = returnValues(r, false);
        return executeSingle(r, plan, returnValues, decision);
    }

    ObjectNode updateItem(Request r, Faults.Decision decision) {
        Table table = lookup(db, r.tableName());
        WritePlan plan = WritePlan.update(r, table);
        String returnValues = returnValues(r, true);
        return executeSingle(r, plan, returnValues, decision);
    }

    private static String returnValues(Request r, boolean update) {
        String v = r.enumValue("ReturnValues", "returnValues", "NONE", "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW",
                "UPDATED_NEW");
        if (!update && !v.equals("NONE") && !v.equals("ALL_OLD")) {
            throw ApiException.validation("ReturnValues can only be ALL_OLD or NONE");
        }
        return v;
    }

    private ObjectNode executeSingle(Request r, WritePlan plan, String returnValues, Faults.Decision decision) {
        if (decision.overlap && !faults.heldAmong(List.of(new Faults.ItemRef(plan.tableName(), plan.key))).isEmpty()) {
            // On AWS a single-item write on an item an ongoing transaction holds is rejected, not queued.
            faults.count(FaultKind.OVERLAP_CONFLICT, decision.operation);
            throw ApiException.transactionConflict();
        }
        ConsumedCapacity cc = new ConsumedCapacity(ConsumedCapacity.mode(r.string("ReturnConsumedCapacity")));
        WritePlan.Evaluation e;
        Table.WriteOutcome outcome;
        Lock lock = db.writeLock();
        lock.lock();
        try {
            ensureStillExists(db, plan.table);
            e = plan.evaluate();
            if (!e.conditionPassed) {
                throw plan.conditionFailure(e);
            }
            List<Mutation> journal = new ArrayList<>(1);
            outcome = plan.commit(e, journal);
            db.journal(journal);
        } finally {
            lock.unlock();
        }
        ObjectNode out = NODES.objectNode();
        Map<String, AttrValue> attributes = null;
        switch (returnValues) {
            case "ALL_OLD":
                attributes = e.current == null ? null : e.current.attrs();
                break;
            case "ALL_NEW":
                attributes = e.next == null ? null : e.next.attrs();
                break;
            case "UPDATED_OLD":
                attributes = e.current == null ? null : Projection.of(plan.updatedPaths()).apply(e.current.attrs());
                break;
            case "UPDATED_NEW":
                attributes = e.next == null ? null : Projection.of(plan.updatedPaths()).apply(e.next.attrs());
                break;
            default:
                break;
        }
        if (attributes != null && !attributes.isEmpty()) {
            out.set("Attributes", Wire.writeMap(attributes));
        }
        if (cc.enabled()) {
            recordWrite(cc, plan, e, outcome, 1);
            out.set("ConsumedCapacity", cc.toJson(plan.tableName()));
        }
        return out;
    }

    /** Records the table and index write units of one committed write ({@code factor} 2 for transactions). */
    static void recordWrite(ConsumedCapacity cc, WritePlan plan, WritePlan.Evaluation e, Table.WriteOutcome outcome,
                            double factor) {
        String table = plan.tableName();
        cc.tableWrite(table, factor * WritePlan.tableWriteUnits(e));
        if (outcome != null) {
            List<IndexDef> indexes = plan.table.def().indexes();
            for (int i = 0; i < indexes.size(); i++) {
                if (outcome.indexWriteUnits()[i] > 0) {
                    cc.indexWrite(table, indexes.get(i).name(), !indexes.get(i).local(), outcome.indexWriteUnits()[i]);
                }
            }
        }
    }
}
