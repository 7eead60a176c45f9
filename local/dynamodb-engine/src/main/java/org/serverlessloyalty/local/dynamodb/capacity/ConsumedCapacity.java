package org.serverlessloyalty.local.dynamodb.capacity;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.serverlessloyalty.local.dynamodb.error.ApiException;

/**
 * Accumulates the capacity one request consumes, per table and per index, and renders the
 * {@code ConsumedCapacity} member for ReturnConsumedCapacity TOTAL or INDEXES.
 */
public final class ConsumedCapacity {

    public enum Mode { NONE, TOTAL, INDEXES }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Mode mode;
    private final Map<String, TableUnits> tables = new LinkedHashMap<>();

    public ConsumedCapacity(Mode mode) {
        this.mode = mode;
    }

    public static Mode mode(String value) {
        if (value == null) {
            return Mode.NONE;
        }
        switch (value) {
            case "NONE": return Mode.NONE;
            case "TOTAL": return Mode.TOTAL;
            case "INDEXES": return Mode.INDEXES;
            default:
                throw ApiException.validation("1 validation error detected: Value '" + value
                        + "' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
        }
    }

    public boolean enabled() {
        return mode != Mode.NONE;
    }

    public void tableRead(String table, double units) {
        table(table).table.read += units;
    }

    public void tableWrite(String table, double units) {
        table(table).table.write += units;
    }

    public void indexRead(String table, String index, boolean global, double units) {
        table(table).index(index, global).read += units;
    }

    public void indexWrite(String table, String index, boolean global, double units) {
        table(table).index(index, global).write += units;
    }

    /** Makes sure the table appears in the output even with zero units. */
    public void touch(String table) {
        table(table);
    }

    private TableUnits table(String name) {
        return tables.computeIfAbsent(name, k -> new TableUnits());
    }

    /** The single-table form used by item operations, Query and Scan; null when not requested. */
    public ObjectNode toJson(String table) {
        if (mode == Mode.NONE) {
            return null;
        }
        return render(table, tables.getOrDefault(table, new TableUnits()));
    }

    /** The list form used by batch and transaction operations; null when not requested. */
    public ArrayNode toJsonList() {
        if (mode == Mode.NONE) {
            return null;
        }
        ArrayNode list = NODES.arrayNode();
        for (Map.Entry<String, TableUnits> e : tables.entrySet()) {
            list.add(render(e.getKey(), e.getValue()));
        }
        return list;
    }

    private ObjectNode render(String table, TableUnits t) {
        ObjectNode o = NODES.objectNode();
        o.put("TableName", table);
        Units total = new Units();
        total.add(t.table);
        t.globalIndexes.values().forEach(total::add);
        t.localIndexes.values().forEach(total::add);
        total.writeTo(o);
        if (mode == Mode.INDEXES) {
            t.table.writeTo(o.putObject("Table"));
            if (!t.globalIndexes.isEmpty()) {
                ObjectNode g = o.putObject("GlobalSecondaryIndexes");
                t.globalIndexes.forEach((name, u) -> u.writeTo(g.putObject(name)));
            }
            if (!t.localIndexes.isEmpty()) {
                ObjectNode l = o.putObject("LocalSecondaryIndexes");
                t.localIndexes.forEach((name, u) -> u.writeTo(l.putObject(name)));
            }
        }
        return o;
    }

    private static final class TableUnits {
        final Units table = new Units();
        final Map<String, Units> globalIndexes = new LinkedHashMap<>();
        final Map<String, Units> localIndexes = new LinkedHashMap<>();

        Units index(String name, boolean global) {
            return (global ? globalIndexes : localIndexes).computeIfAbsent(name, k -> new Units());
        }
    }

    private static final class Units {
        double read;
        double write;

        void add(Units other) {
            read += other.read;
            write += other.write;
        }

        void writeTo(ObjectNode o) {
            o.put("CapacityUnits", read + write);
            if (read > 0) {
                o.put("ReadCapacityUnits", read);
            }
            if (write > 0) {
                o.put("WriteCapacityUnits", write);
            }
        }
    }
}
