package org.serverlessloyalty.local.dynamodb.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.serverlessloyalty.local.dynamodb.capacity.Capacity;
import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.expr.Condition;
import org.serverlessloyalty.local.dynamodb.expr.ExpressionContext;
import org.serverlessloyalty.local.dynamodb.expr.Parser;
import org.serverlessloyalty.local.dynamodb.expr.Path;
import org.serverlessloyalty.local.dynamodb.expr.UpdateAction;
import org.serverlessloyalty.local.dynamodb.expr.Updater;
import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Item;
import org.serverlessloyalty.local.dynamodb.model.ItemSize;
import org.serverlessloyalty.local.dynamodb.model.Wire;
import org.serverlessloyalty.local.dynamodb.persist.Mutation;
import org.serverlessloyalty.local.dynamodb.table.PrimaryKey;
import org.serverlessloyalty.local.dynamodb.table.Table;

/**
 * One parsed and validated write (Put, Update, Delete or a transaction's ConditionCheck). Parsing happens
 * outside the lock; {@link #evaluate} and {@link #commit} run under the database write lock.
 */
final class WritePlan {

    enum Kind { PUT, UPDATE, DELETE, CHECK }

    final Kind kind;
    final Table table;
    final PrimaryKey key;
    final Map<String, AttrValue> putAttributes;
    final List<UpdateAction> actions;
    final Condition condition;
    final boolean returnOldOnConditionFailure;

    private WritePlan(Kind kind, Table table, PrimaryKey key, Map<String, AttrValue> putAttributes,
                      List<UpdateAction> actions, Condition condition, boolean returnOldOnConditionFailure) {
        this.kind = kind;
        this.table = table;
        this.key = key;
        this.putAttributes = putAttributes;
        this.actions = actions;
        this.condition = condition;
        this.returnOldOnConditionFailure = returnOldOnConditionFailure;
    }

    String tableName() {
        return table.def().name();
    }

    /** Parses a PutItem-shaped request (PutItem or a transaction's Put). */
    static WritePlan put(Request r, Table table) {
        r.rejectLegacy("Expected", "ConditionalOperator");
        Map<String, AttrValue> item = r.attributes("Item");
        if (item == null) {
            throw ApiException.validation("1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null");
        }
        table.validateItem(item);
        checkSize(item, "Item size has exceeded the maximum allowed size");
        String conditionText = r.string("ConditionExpression");
        ExpressionContext ctx = r.expressionContext(conditionText != null);
        Condition condition = conditionText == null ? null : Parser.parseCondition(conditionText, Parser.CONDITION, ctx);
        ctx.checkAllUsed();
        return new WritePlan(Kind.PUT, table, table.keyOf(item), item, null, condition, returnOld(r));
    }

    /** Parses an UpdateItem-shaped request. */
    static WritePlan update(Request r, Table table) {
        r.rejectLegacy("Expected", "ConditionalOperator", "AttributeUpdates");
        PrimaryKey key = table.keyFromRequest(r.attributes("Key"));
        String updateText = r.string("UpdateExpression");
        String conditionText = r.string("ConditionExpression");
        ExpressionContext ctx = r.expressionContext(updateText != null || conditionText != null);
        List<UpdateAction> actions = updateText == null ? List.of() : Parser.parseUpdate(updateText, ctx);
        Condition condition = conditionText == null ? null : Parser.parseCondition(conditionText, Parser.CONDITION, ctx);
        ctx.checkAllUsed();
        for (UpdateAction a : actions) {
            if (table.def().isKeyAttribute(a.path().head())) {
                throw ApiException.validation("One or more parameter values were invalid: Cannot update attribute "
                        + a.path().head() + ". This attribute is part of the key");
            }
        }
        return new WritePlan(Kind.UPDATE, table, key, null, actions, condition, returnOld(r));
    }

    /** Parses a DeleteItem-shaped request. */
    static WritePlan delete(Request r, Table table) {
        r.rejectLegacy("Expected", "ConditionalOperator");
        return keyed(Kind.DELETE, r, table);
    }

    /** Parses a transaction's ConditionCheck. */
    static WritePlan check(Request r, Table table) {
        if (r.string("ConditionExpression") == null) {
            throw ApiException.validation("1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null");
        }
        return keyed(Kind.CHECK, r, table);
    }

    private static WritePlan keyed(Kind kind, Request r, Table table) {
        PrimaryKey key = table.keyFromRequest(r.attributes("Key"));
        String conditionText = r.string("ConditionExpression");
        ExpressionContext ctx = r.expressionContext(conditionText != null);
        Condition condition = conditionText == null ? null : Parser.parseCondition(conditionText, Parser.CONDITION, ctx);
        ctx.checkAllUsed();
        return new WritePlan(kind, table, key, null, null, condition, returnOld(r));
    }

    /** Builds a Put or Delete from a BatchWriteItem request (no conditions). */
    static WritePlan batchPut(Table table, Map<String, AttrValue> item) {
        table.validateItem(item);
        checkSize(item, "Item size has exceeded the maximum allowed size");
        return new WritePlan(Kind.PUT, table, table.keyOf(item), item, null, null, false);
    }

    static WritePlan batchDelete(Table table, Map<String, AttrValue> key) {
        return new WritePlan(Kind.DELETE, table, table.keyFromRequest(key), null, null, null, false);
    }

    private static boolean returnOld(Request r) {
        return "ALL_OLD".equals(r.enumValue("ReturnValuesOnConditionCheckFailure", "returnValuesOnConditionCheckFailure",
                "NONE", "ALL_OLD", "NONE"));
    }

    private static void checkSize(Map<String, AttrValue> item, String message) {
        if (ItemSize.of(item) > ItemSize.MAX_ITEM_SIZE) {
            throw ApiException.validation(message);
        }
    }

    // ------------------------------------------------------------------ under the write lock

    /** The result of evaluating the plan against the current item. */
    static final class Evaluation {
        final Item current;
        final boolean conditionPassed;
        final Item next;

        Evaluation(Item current, boolean conditionPassed, Item next) {
            this.current = current;
            this.conditionPassed = conditionPassed;
            this.next = next;
        }
    }

    /** Reads the current item, checks the condition and computes the new item (may throw ValidationException). */
    Evaluation evaluate() {
        Item current = table.get(key);
        if (condition != null && !condition.test(current == null ? Map.of() : current.attrs())) {
            return new Evaluation(current, false, null);
        }
        Item next;
        switch (kind) {
            case PUT:
                next = Item.of(new LinkedHashMap<>(putAttributes));
                break;
            case UPDATE: {
                Map<String, AttrValue> base = current != null ? current.attrs() : key.toAttributes(table.def());
                Map<String, AttrValue> updated = Updater.apply(base, actions);
                checkSize(updated, "Item size to update has exceeded the maximum allowed size");
                table.validateItem(updated);
                next = Item.of(updated);
                break;
            }
            case DELETE:
                next = null;
                break;
            default:
                next = current;
                break;
        }
        return new Evaluation(current, true, next);
    }

    /** The ConditionalCheckFailedException for a failed evaluation. */
    ApiException conditionFailure(Evaluation e) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (returnOldOnConditionFailure && e.current != null) {
            extra.put("Item", Wire.writeMap(e.current.attrs()));
        }
        return ApiException.conditionalCheckFailed(extra);
    }

    /** Applies the evaluated write to the table; returns the write outcome (null for a ConditionCheck). */
    Table.WriteOutcome commit(Evaluation e, List<Mutation> journal) {
        if (kind == Kind.CHECK) {
            return null;
        }
        if (kind == Kind.DELETE && e.current == null) {
            return new Table.WriteOutcome(null, new double[table.def().indexes().size()]);
        }
        Table.WriteOutcome outcome = table.write(key, e.next);
        if (e.next == null) {
            journal.add(new Mutation.DeleteItem(tableName(), key.toAttributes(table.def())));
        } else {
            journal.add(new Mutation.PutItem(tableName(), e.next.attrs()));
        }
        return outcome;
    }

    /** Table write units for this write (before transactional doubling). */
    static double tableWriteUnits(Evaluation e) {
        int oldSize = e.current == null ? 0 : e.current.size();
        int newSize = e.next == null ? 0 : e.next.size();
        return Capacity.writeUnits(Math.max(oldSize, newSize));
    }

    /** Paths touched by the update, for ReturnValues UPDATED_OLD / UPDATED_NEW. */
    List<Path> updatedPaths() {
        List<Path> paths = new ArrayList<>();
        for (UpdateAction a : actions) {
            paths.add(a.path());
        }
        return paths;
    }
}
