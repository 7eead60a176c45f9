package org.serverlessloyalty.local.dynamodb.model;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.serverlessloyalty.local.dynamodb.error.ApiException;

/** Converts between DynamoDB's JSON wire form ({@code {"S":"x"}}, {@code {"M":{...}}}, ...) and {@link AttrValue}. */
public final class Wire {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Wire() {
    }

    // ---------------------------------------------------------------- reading

    /** Reads an attribute map (an item, a key, or ExpressionAttributeValues) from its wire form. */
    public static Map<String, AttrValue> readMap(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw ApiException.serialization("Expected an object of attribute values");
        }
        Map<String, AttrValue> out = new LinkedHashMap<>(Math.max(4, node.size() * 2));
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.put(e.getKey(), read(e.getValue()));
        }
        return out;
    }

    public static AttrValue read(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw ApiException.serialization("Expected an AttributeValue object");
        }
        int n = node.size();
        if (n == 0) {
            throw ApiException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (n > 1) {
            throw ApiException.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        Map.Entry<String, JsonNode> e = node.properties().iterator().next();
        String tag = e.getKey();
        JsonNode v = e.getValue();
        switch (tag) {
            case "S":
                return AttrValue.s(text(v, tag));
            case "N":
                return AttrValue.n(Numbers.parse(text(v, tag)));
            case "B":
                return AttrValue.bNoCopy(base64(text(v, tag)));
            case "BOOL":
                if (!v.isBoolean()) {
                    throw ApiException.serialization("BOOL must be a boolean");
                }
                return AttrValue.bool(v.booleanValue());
            case "NULL":
                if (!v.isBoolean()) {
                    throw ApiException.serialization("NULL must be a boolean");
                }
                if (!v.booleanValue()) {
                    throw ApiException.validation(
                            "One or more parameter values were invalid: Null attribute value types must have the value of true");
                }
                return AttrValue.NULL;
            case "M":
                if (!v.isObject()) {
                    throw ApiException.serialization("M must be an object");
                }
                return AttrValue.m(readMap(v));
            case "L": {
                if (!v.isArray()) {
                    throw ApiException.serialization("L must be an array");
                }
                List<AttrValue> list = new ArrayList<>(v.size());
                for (JsonNode el : v) {
                    list.add(read(el));
                }
                return AttrValue.l(list);
            }
            case "SS":
                return readSet(v, AttrValue.Type.SS, "string");
            case "NS":
                return readSet(v, AttrValue.Type.NS, "number");
            case "BS":
                return readSet(v, AttrValue.Type.BS, "binary");
            default:
                throw ApiException.validation(
                        "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
    }

    private static AttrValue readSet(JsonNode v, AttrValue.Type type, String word) {
        if (!v.isArray()) {
            throw ApiException.serialization(type + " must be an array");
        }
        if (v.size() == 0) {
            throw ApiException.validation("One or more parameter values were invalid: An " + word + " set  may not be empty");
        }
        Set<AttrValue> members = new LinkedHashSet<>();
        List<String> raw = new ArrayList<>();
        for (JsonNode el : v) {
            String t = text(el, type.name());
            raw.add(t);
            AttrValue m;
            switch (type) {
                case SS: m = AttrValue.s(t); break;
                case NS: m = AttrValue.n(Numbers.parse(t)); break;
                default: m = AttrValue.bNoCopy(base64(t)); break;
            }
            if (!members.add(m)) {
                throw ApiException.validation(
                        "One or more parameter values were invalid: Input collection " + raw + " contains duplicates.");
            }
        }
        return AttrValue.set(type, members);
    }

    private static String text(JsonNode v, String tag) {
        if (!v.isTextual()) {
            throw ApiException.serialization("NUMBER_VALUE cannot be converted to String".replace("NUMBER_VALUE",
                    v.getNodeType().name()) + " (" + tag + ")");
        }
        return v.textValue();
    }

    private static byte[] base64(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.serialization("Base64 encoded length is expected a multiple of 4 bytes but found: " + s.length());
        }
    }

    // ---------------------------------------------------------------- writing

    public static ObjectNode writeMap(Map<String, AttrValue> attrs) {
        ObjectNode o = NODES.objectNode();
        for (Map.Entry<String, AttrValue> e : attrs.entrySet()) {
            o.set(e.getKey(), write(e.getValue()));
        }
        return o;
    }

    public static ObjectNode write(AttrValue v) {
        ObjectNode o = NODES.objectNode();
        switch (v.type()) {
            case S: o.put("S", v.s()); break;
            case N: o.put("N", v.numberText()); break;
            case B: o.put("B", Base64.getEncoder().encodeToString(v.b())); break;
            case BOOL: o.put("BOOL", v.bool()); break;
            case NULL: o.put("NULL", true); break;
            case M: o.set("M", writeMap(v.m())); break;
            case L: {
                ArrayNode a = o.putArray("L");
                for (AttrValue el : v.l()) {
                    a.add(write(el));
                }
                break;
            }
            default: {
                ArrayNode a = o.putArray(v.type().name());
                for (AttrValue m : v.members()) {
                    switch (m.type()) {
                        case S: a.add(m.s()); break;
                        case N: a.add(m.numberText()); break;
                        default: a.add(Base64.getEncoder().encodeToString(m.b())); break;
                    }
                }
                break;
            }
        }
        return o;
    }
}
