package org.serverlessloyalty.local.dynamodb.engine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.serverlessloyalty.local.dynamodb.capacity.Capacity;
import org.serverlessloyalty.local.dynamodb.capacity.ConsumedCapacity;
import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.expr.Condition;
import org.serverlessloyalty.local.dynamodb.expr.ConditionPaths;
import org.serverlessloyalty.local.dynamodb.expr.ExpressionContext;
import org.serverlessloyalty.local.dynamodb.expr.KeyCondition;
import org.serverlessloyalty.local.dynamodb.expr.Parser;
import org.serverlessloyalty.local.dynamodb.expr.Path;
import org.serverlessloyalty.local.dynamodb.expr.Projection;
import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Item;
import org.serverlessloyalty.local.dynamodb.model.Keys;
import org.serverlessloyalty.local.dynamodb.model.Wire;
import org.serverlessloyalty.local.dynamodb.table.IndexDef;
import org.serverlessloyalty.local.dynamodb.table.ItemStore;
import org.serverlessloyalty.local.dynamodb.table.KeyDef;
import org.serverlessloyalty.local.dynamodb.table.RowKey;
import org.serverlessloyalty.local.dynamodb.table.Table;

/**
 * Query and Scan. A page stops after {@code Limit} evaluated items (counted before the filter, as DynamoDB
 * does) or once the evaluated items reach 1 MB; a LastEvaluatedKey is then returned. Capacity is the sum of
 * the sizes of the evaluated items rounded up to 4 KB once.
 */
final class QueryScanOps {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long PAGE_BYTES = 1024 * 1024;

    private final Database db;

    QueryScanOps(Database db) {
        this.db = db;
    }

    /** What a Query or Scan reads: the table or one of its indexes. */
    private static final class Source {
        final Table table;
        final IndexDef index;
        final ItemStore store;
        final KeyDef hash;
        final KeyDef range;

        Source(Table table, IndexDef index) {
            this.table = table;
            this.index = index;
            this.store = index == null ? table.items() : table.indexStore(index.name());
            this.hash = index == null ? table.def().hash() : index.hash();
            this.range = index == null ? table.def().range() : index.range();
        }

        /** The key attributes of an evaluated key: table keys, plus index keys when reading an index. */
        Map<String, AttrValue> lastEvaluatedKey(Item item) {
            Map<String, AttrValue> k = new LinkedHashMap<>();
            put(k, item, table.def().hash());
            put(k, item, table.def().range());
            if (index != null) {
                put(k, item, index.hash());
                put(k, item, index.range());
            }
            return k;
        }

        private static void put(Map<String, AttrValue> k, Item item, KeyDef key) {
            if (key != null && item.get(key.name()) != null) {
                k.put(key.name(), item.get(key.name()));
            }
        }

        /** Validates an ExclusiveStartKey and returns its partition key and row position. */
        Map.Entry<AttrValue, RowKey> startPosition(Map<String, AttrValue> esk) {
            Map<String, AttrValue> expected = new LinkedHashMap<>();
            for (KeyDef k : Arrays.asList(table.def().hash(), table.def().range(),
                    index == null ? null : index.hash(), index == null ? null : index.range())) {
                if (k != null) {
                    AttrValue v = esk.get(k.name());
                    if (v == null || v.type() != k.type()) {
                        throw ApiException.validation("The provided starting key is invalid: The provided key element does not match the schema");
                    }
                    expected.put(k.name(), v);
                }
            }
            if (expected.size() != esk.size()) {
                throw ApiException.validation("The provided starting key is invalid: The provided key element does not match the schema");
            }
            AttrValue h = esk.get(hash.name());
            AttrValue r = range == null ? null : esk.get(range.name());
            RowKey row = index == null ? RowKey.of(r)
                    : new RowKey(r, esk.get(table.def().hash().name()),
                    table.def().range() == null ? null : esk.get(table.def().range().name()), 0);
            return Map.entry(h, row);
        }

        /** The item to return for a stored index entry: LSIs fetch non-projected attributes from the table. */
        Item fetch(Item stored, boolean allAttributes) {
            if (index != null && index.local() && allAttributes
                    && index.projectionType() != IndexDef.ProjectionType.ALL) {
                Item full = table.get(table.keyOf(stored.attrs()));
                return full == null ? stored : full;
            }
            return stored;
        }
    }

    private Source source(Table table, String indexName, boolean consistent) {
        if (indexName == null) {
            return new Source(table, null);
        }
        IndexDef idx = table.def().index(indexName);
        if (idx == null) {
            throw ApiException.validation("The table does not have the specified index: " + indexName);
        }
        if (!idx.local() && consistent) {
            throw ApiException.validation("Consistent reads are not supported on global secondary indexes");
        }
        return new Source(table, idx);
    }

    /** Select handling shared by Query and Scan; returns the effective Select value. */
    private static String select(Request r, Source src, boolean hasProjection) {
        String select = r.enumValue("Select", "select", null, "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES",
                "SPECIFIC_ATTRIBUTES", "COUNT");
        if (select == null) {
            return hasProjection ? "SPECIFIC_ATTRIBUTES" : src.index == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
        }
        if (hasProjection && !select.equals("SPECIFIC_ATTRIBUTES")) {
            throw ApiException.validation("One or more parameter values were invalid: Cannot specify the "
                    + "ProjectionExpression when choosing to get " + select);
        }
        if (!hasProjection && select.equals("SPECIFIC_ATTRIBUTES")) {
            throw ApiException.validation("One or more parameter values were invalid: Must specify the "
                    + "AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
        }
        if (select.equals("ALL_ATTRIBUTES") && src.index != null && !src.index.local()
                && src.index.projectionType() != IndexDef.ProjectionType.ALL) {
            throw ApiException.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is "
                    + "not supported for global secondary index " + src.index.name()
                    + " because its projection type is not ALL");
        }
        if (select.equals("ALL_PROJECTED_ATTRIBUTES") && src.index == null) {
            throw ApiException.validation("One or more parameter values were invalid: ALL_PROJECTED_ATTRIBUTES "
                    + "can be used only when Querying using an IndexName");
        }
        return select;
    }

    private static Integer limit(Request r) {
        Integer limit = r.integer("Limit");
        if (limit != null && limit < 1) {
            throw ApiException.validation("1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return limit;
    }

    // ------------------------------------------------------------------ Query

    ObjectNode query(Request r) {
        r.rejectLegacy("KeyConditions", "QueryFilter", "AttributesToGet", "ConditionalOperator");
        String name = r.tableName();
        boolean consistent = r.bool("ConsistentRead", false);
        boolean forward = r.bool("ScanIndexForward", true);
        Integer limit = limit(r);
        ConsumedCapacity cc = new ConsumedCapacity(ConsumedCapacity.mode(r.string("ReturnConsumedCapacity")));
        Lock lock = db.readLock();
        lock.lock();
        try {
            Table table = db.table(name);
            Source src = source(table, r.string("IndexName"), consistent);
            String kce = r.string("KeyConditionExpression");
            if (kce == null) {
                throw ApiException.validation(
                        "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
            }
            String filterText = r.string("FilterExpression");
            String projectionText = r.string("ProjectionExpression");
            ExpressionContext ctx = r.expressionContext(true);
            KeyCondition kc = KeyCondition.parse(kce, ctx, src.hash.name(), src.hash.type(),
                    src.range == null ? null : src.range.name(), src.range == null ? null : src.range.type());
            Condition filter = filterText == null ? null : Parser.parseCondition(filterText, Parser.FILTER, ctx);
            if (filter != null) {
                for (Path p : ConditionPaths.of(filter)) {
                    if (p.head().equals(src.hash.name()) || (src.range != null && p.head().equals(src.range.name()))) {
                        throw ApiException.validation("Filter Expression can only contain non-primary key attributes: "
                                + "Primary key attribute: " + p.head());
                    }
                }
            }
            Projection projection = projectionText == null ? null
                    : Projection.of(Parser.parseProjection(projectionText, ctx));
            ctx.checkAllUsed();
            String select = select(r, src, projection != null);

            NavigableMap<RowKey, Item> partition = src.store.partition(kc.hashValue());
            NavigableMap<RowKey, Item> rows = partition == null ? new TreeMap<>(RowKey.ORDER) : range(partition, kc);
            Map<String, AttrValue> esk = r.attributes("ExclusiveStartKey");
            if (esk != null) {
                Map.Entry<AttrValue, RowKey> start = src.startPosition(esk);
                if (!start.getKey().equals(kc.hashValue())) {
                    throw ApiException.validation(
                            "The provided starting key is outside query boundaries based on provided conditions");
                }
                rows = forward ? rows.tailMap(start.getValue(), false) : rows.headMap(start.getValue(), false);
            }
            Iterator<Item> it = (forward ? rows : rows.descendingMap()).values().iterator();
            Page page = new Page(src, filter, projection, select, limit);
            page.consume(it);
            ObjectNode out = page.toJson();
            if (cc.enabled()) {
                recordRead(cc, src, Capacity.readUnits(page.bytes, consistent));
                out.set("ConsumedCapacity", cc.toJson(name));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    private static void recordRead(ConsumedCapacity cc, Source src, double units) {
        String name = src.table.def().name();
        if (src.index == null) {
            cc.tableRead(name, units);
        } else {
            cc.touch(name);
            cc.indexRead(name, src.index.name(), !src.index.local(), units);
        }
    }

    /** The rows of a partition that satisfy the sort key condition. */
    private static NavigableMap<RowKey, Item> range(NavigableMap<RowKey, Item> p, KeyCondition kc) {
        if (kc.rangeOp() == null) {
            return p;
        }
        AttrValue v = kc.rangeValue1();
        switch (kc.rangeOp()) {
            case EQ: return p.subMap(RowKey.before(v), true, RowKey.after(v), true);
            case LT: return p.headMap(RowKey.before(v), false);
            case LE: return p.headMap(RowKey.after(v), false);
            case GT: return p.tailMap(RowKey.after(v), false);
            case GE: return p.tailMap(RowKey.before(v), false);
            case BETWEEN: {
                if (Keys.compare(v, kc.rangeValue2()) > 0) {
                    throw ApiException.validation("Invalid KeyConditionExpression: The BETWEEN operator requires upper "
                            + "bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: "
                            + v + ", upper bound operand: AttributeValue: " + kc.rangeValue2());
                }
                return p.subMap(RowKey.before(v), true, RowKey.after(kc.rangeValue2()), true);
            }
            default: {
                AttrValue upper = successor(v);
                return upper == null ? p.tailMap(RowKey.before(v), true)
                        : p.subMap(RowKey.before(v), true, RowKey.before(upper), false);
            }
        }
    }

    /** The smallest value greater than every value starting with {@code prefix}, or null if unbounded. */
    static AttrValue successor(AttrValue prefix) {
        if (prefix.type() == AttrValue.Type.S) {
            int[] cps = prefix.s().codePoints().toArray();
            int n = cps.length;
            while (n > 0 && cps[n - 1] == Character.MAX_CODE_POINT) {
                n--;
            }
            if (n == 0) {
                return null;
            }
            int next = cps[n - 1] + 1;
            if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
                next = Character.MAX_SURROGATE + 1;
            }
            cps[n - 1] = next;
            return AttrValue.s(new String(cps, 0, n));
        }
        byte[] b = prefix.b();
        int n = b.length;
        while (n > 0 && (b[n - 1] & 0xff) == 0xff) {
            n--;
        }
        if (n == 0) {
            return null;
        }
        byte[] out = Arrays.copyOf(b, n);
        out[n - 1]++;
        return AttrValue.b(out);
    }

    /** Collects one page of results. */
    private static final class Page {
        final Source src;
        final Condition filter;
        final Projection projection;
        final boolean countOnly;
        final boolean allAttributes;
        final Integer limit;
        final ArrayNode items = NODES.arrayNode();
        int scanned;
        int count;
        long bytes;
        Item last;
        boolean stopped;

        Page(Source src, Condition filter, Projection projection, String select, Integer limit) {
            this.src = src;
            this.filter = filter;
            this.projection = projection;
            this.countOnly = select.equals("COUNT");
            this.allAttributes = select.equals("ALL_ATTRIBUTES");
            this.limit = limit;
        }

        /** Evaluates items until exhausted, the limit, or the page size is reached. */
        void consume(Iterator<Item> it) {
            while (it.hasNext()) {
                Item stored = it.next();
                scanned++;
                bytes += stored.size();
                last = stored;
                Item item = src.fetch(stored, allAttributes);
                if (filter == null || filter.test(item.attrs())) {
                    count++;
                    if (!countOnly) {
                        items.add(Wire.writeMap(projection == null ? item.attrs() : projection.apply(item.attrs())));
                    }
                }
                if ((limit != null && scanned >= limit) || bytes >= PAGE_BYTES) {
                    stopped = true;
                    return;
                }
            }
        }

        boolean stoppedEarly() {
            return stopped;
        }

        ObjectNode toJson() {
            ObjectNode out = NODES.objectNode();
            if (!countOnly) {
                out.set("Items", items);
            }
            out.put("Count", count);
            out.put("ScannedCount", scanned);
            if (stopped && last != null) {
                out.set("LastEvaluatedKey", Wire.writeMap(src.lastEvaluatedKey(last)));
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ Scan

    ObjectNode scan(Request r) {
        r.rejectLegacy("ScanFilter", "AttributesToGet", "ConditionalOperator");
        String name = r.tableName();
        boolean consistent = r.bool("ConsistentRead", false);
        Integer limit = limit(r);
        Integer segment = r.integer("Segment");
        Integer totalSegments = r.integer("TotalSegments");
        if (totalSegments != null && segment == null) {
            throw ApiException.validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
        }
        if (segment != null && totalSegments == null) {
            throw ApiException.validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
        }
        if (totalSegments != null) {
            if (totalSegments < 1 || totalSegments > 1_000_000) {
                throw ApiException.validation("1 validation error detected: Value '" + totalSegments
                        + "' at 'totalSegments' failed to satisfy constraint: Member must have value between 1 and 1000000");
            }
            if (segment < 0 || segment >= totalSegments) {
                throw ApiException.validation("The Segment parameter is zero-based and must be less than parameter "
                        + "TotalSegments: Segment: " + segment + " is not less than TotalSegments: " + totalSegments);
            }
        }
        ConsumedCapacity cc = new ConsumedCapacity(ConsumedCapacity.mode(r.string("ReturnConsumedCapacity")));
        Lock lock = db.readLock();
        lock.lock();
        try {
            Table table = db.table(name);
            Source src = source(table, r.string("IndexName"), consistent);
            String filterText = r.string("FilterExpression");
            String projectionText = r.string("ProjectionExpression");
            ExpressionContext ctx = r.expressionContext(filterText != null || projectionText != null);
            Condition filter = filterText == null ? null : Parser.parseCondition(filterText, Parser.FILTER, ctx);
            Projection projection = projectionText == null ? null
                    : Projection.of(Parser.parseProjection(projectionText, ctx));
            ctx.checkAllUsed();
            String select = select(r, src, projection != null);

            NavigableMap<AttrValue, TreeMap<RowKey, Item>> partitions = src.store.partitions();
            Map<String, AttrValue> esk = r.attributes("ExclusiveStartKey");
            Map.Entry<AttrValue, RowKey> start = esk == null ? null : src.startPosition(esk);
            NavigableMap<AttrValue, TreeMap<RowKey, Item>> remaining =
                    start == null ? partitions : partitions.tailMap(start.getKey(), true);
            Page page = new Page(src, filter, projection, select, limit);
            for (Map.Entry<AttrValue, TreeMap<RowKey, Item>> p : remaining.entrySet()) {
                if (totalSegments != null && Math.floorMod(p.getKey().stableHash(), totalSegments) != segment) {
                    continue;
                }
                NavigableMap<RowKey, Item> rows = p.getValue();
                if (start != null && p.getKey().equals(start.getKey())) {
                    rows = rows.tailMap(start.getValue(), false);
                }
                page.consume(rows.values().iterator());
                if (page.stoppedEarly()) {
                    break;
                }
            }
            ObjectNode out = page.toJson();
            if (cc.enabled()) {
                recordRead(cc, src, Capacity.readUnits(page.bytes, consistent));
                out.set("ConsumedCapacity", cc.toJson(name));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }
}
