package org.serverlessloyalty.local.dynamodb.persist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Wire;
import org.serverlessloyalty.local.dynamodb.table.IndexDef;
import org.serverlessloyalty.local.dynamodb.table.KeyDef;
import org.serverlessloyalty.local.dynamodb.table.TableDef;

/** JSON encoding of {@link Mutation}s and {@link TableDef}s for the journal and snapshots (items in wire form). */
final class Codec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Codec() {
    }

    static ObjectNode encode(Mutation m) {
        ObjectNode o = NODES.objectNode();
        if (m instanceof Mutation.PutItem p) {
            o.put("op", "put").put("t", p.table()).set("item", Wire.writeMap(p.item()));
        } else if (m instanceof Mutation.DeleteItem d) {
            o.put("op", "del").put("t", d.table()).set("key", Wire.writeMap(d.key()));
        } else if (m instanceof Mutation.CreateTable c) {
            o.put("op", "create").set("def", encode(c.def()));
        } else if (m instanceof Mutation.DeleteTable d) {
            o.put("op", "drop").put("t", d.table());
        } else if (m instanceof Mutation.UpdateTtl u) {
            o.put("op", "ttl").put("t", u.table()).put("attr", u.attribute());
        }
        return o;
    }

    static Mutation decode(JsonNode o) {
        String op = o.path("op").asText();
        switch (op) {
            case "put": return new Mutation.PutItem(o.get("t").asText(), Wire.readMap(o.get("item")));
            case "del": return new Mutation.DeleteItem(o.get("t").asText(), Wire.readMap(o.get("key")));
            case "create": return new Mutation.CreateTable(decodeDef(o.get("def")));
            case "drop": return new Mutation.DeleteTable(o.get("t").asText());
            case "ttl": {
                JsonNode a = o.get("attr");
                return new Mutation.UpdateTtl(o.get("t").asText(), a == null || a.isNull() ? null : a.asText());
            }
            default: throw new IllegalStateException("unknown journal operation: " + op);
        }
    }

    static ObjectNode encode(TableDef d) {
        ObjectNode o = NODES.objectNode();
        o.put("name", d.name());
        o.put("tableId", d.tableId());
        o.put("created", d.creationDateTime());
        ObjectNode attrs = o.putObject("attributes");
        d.attributeDefinitions().forEach((k, v) -> attrs.put(k, v.name()));
        o.set("hash", encode(d.hash()));
        if (d.range() != null) {
            o.set("range", encode(d.range()));
        }
        ArrayNode idx = o.putArray("indexes");
        for (IndexDef i : d.indexes()) {
            ObjectNode io = idx.addObject();
            io.put("name", i.name());
            io.put("local", i.local());
            io.set("hash", encode(i.hash()));
            if (i.range() != null) {
                io.set("range", encode(i.range()));
            }
            io.put("projection", i.projectionType().name());
            ArrayNode nk = io.putArray("nonKey");
            i.nonKeyAttributes().forEach(nk::add);
            io.put("rcu", i.readCapacity());
            io.put("wcu", i.writeCapacity());
        }
        o.put("billing", d.billingMode());
        o.put("rcu", d.readCapacity());
        o.put("wcu", d.writeCapacity());
        if (d.ttlAttribute() != null) {
            o.put("ttl", d.ttlAttribute());
        }
        return o;
    }

    private static ObjectNode encode(KeyDef k) {
        return NODES.objectNode().put("name", k.name()).put("type", k.type().name());
    }

    static TableDef decodeDef(JsonNode o) {
        Map<String, AttrValue.Type> attrs = new LinkedHashMap<>();
        o.get("attributes").properties().forEach(e -> attrs.put(e.getKey(), AttrValue.Type.valueOf(e.getValue().asText())));
        List<IndexDef> indexes = new ArrayList<>();
        for (JsonNode io : o.get("indexes")) {
            List<String> nonKey = new ArrayList<>();
            io.path("nonKey").forEach(n -> nonKey.add(n.asText()));
            indexes.add(new IndexDef(io.get("name").asText(), io.get("local").asBoolean(), decodeKey(io.get("hash")),
                    decodeKey(io.get("range")), IndexDef.ProjectionType.valueOf(io.get("projection").asText()), nonKey,
                    io.path("rcu").asLong(), io.path("wcu").asLong()));
        }
        JsonNode ttl = o.get("ttl");
        return new TableDef(o.get("name").asText(), o.get("tableId").asText(), o.get("created").asDouble(), attrs,
                decodeKey(o.get("hash")), decodeKey(o.get("range")), indexes, o.get("billing").asText(),
                o.path("rcu").asLong(), o.path("wcu").asLong(), ttl == null ? null : ttl.asText());
    }

    private static KeyDef decodeKey(JsonNode k) {
        if (k == null || k.isNull()) {
            return null;
        }
        return new KeyDef(k.get("name").asText(), AttrValue.Type.valueOf(k.get("type").asText()));
    }
}
