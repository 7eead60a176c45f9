package org.serverlessloyalty.local.dynamodb.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.expr.ExpressionContext;
import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Wire;

/** Typed, validating access to the members of one JSON request object (or a nested request such as a Put). */
public final class Request {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");

    private final JsonNode node;

    public Request(JsonNode node) {
        this.node = node == null ? MissingNode.getInstance() : node;
    }

    public JsonNode node() {
        return node;
    }

    public JsonNode get(String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? null : n;
    }

    public boolean has(String field) {
        return get(field) != null;
    }

    public String string(String field) {
        JsonNode n = get(field);
        if (n == null) {
            return null;
        }
        if (!n.isTextual()) {
            throw ApiException.serialization("Unexpected value type for " + field);
        }
        return n.textValue();
    }

    public boolean bool(String field, boolean defaultValue) {
        JsonNode n = get(field);
        if (n == null) {
            return defaultValue;
        }
        if (!n.isBoolean()) {
            throw ApiException.serialization("Unexpected value type for " + field);
        }
        return n.booleanValue();
    }

    public Integer integer(String field) {
        JsonNode n = get(field);
        if (n == null) {
            return null;
        }
        if (!n.canConvertToInt()) {
            throw ApiException.serialization("Unexpected value type for " + field);
        }
        return n.intValue();
    }

    public Map<String, AttrValue> attributes(String field) {
        return Wire.readMap(get(field));
    }

    public String tableName() {
        return tableName("TableName", "tableName");
    }

    public String tableName(String field, String member) {
        String name = string(field);
        if (name == null) {
            throw ApiException.validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (name.length() < 3) {
            throw ApiException.validation("1 validation error detected: Value '" + name + "' at '" + member
                    + "' failed to satisfy constraint: Member must have length greater than or equal to 3");
        }
        if (name.length() > 255) {
            throw ApiException.validation("1 validation error detected: Value '" + name + "' at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to 255");
        }
        if (!TABLE_NAME.matcher(name).matches()) {
            throw ApiException.validation("1 validation error detected: Value '" + name + "' at '" + member
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    /** Rejects the legacy (pre-expression) parameters this engine does not implement. */
    public void rejectLegacy(String... fields) {
        for (String f : fields) {
            if (has(f)) {
                throw ApiException.validation("The legacy parameter " + f
                        + " is not supported by the local DynamoDB engine; use the expression parameters instead");
            }
        }
    }

    /** An enum-valued member checked against its allowed values. */
    public String enumValue(String field, String member, String defaultValue, String... allowed) {
        String v = string(field);
        if (v == null) {
            return defaultValue;
        }
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw ApiException.validation("1 validation error detected: Value '" + v + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy enum value set: " + java.util.Arrays.toString(allowed));
    }

    /**
     * The ExpressionAttributeNames/Values of this request. {@code usesExpressions} tells whether any expression
     * is present; DynamoDB rejects placeholders supplied without expressions, and empty maps.
     */
    public ExpressionContext expressionContext(boolean usesExpressions) {
        JsonNode namesNode = get("ExpressionAttributeNames");
        JsonNode valuesNode = get("ExpressionAttributeValues");
        Map<String, String> names = null;
        Map<String, AttrValue> values = null;
        if (namesNode != null) {
            if (namesNode.isEmpty()) {
                throw ApiException.validation("ExpressionAttributeNames must not be empty");
            }
            if (!usesExpressions) {
                throw ApiException.validation("ExpressionAttributeNames can only be specified when using expressions");
            }
            names = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : namesNode.properties()) {
                if (!e.getKey().startsWith("#")) {
                    throw ApiException.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \""
                            + e.getKey() + "\"");
                }
                names.put(e.getKey(), e.getValue().asText());
            }
        }
        if (valuesNode != null) {
            if (valuesNode.isEmpty()) {
                throw ApiException.validation("ExpressionAttributeValues must not be empty");
            }
            if (!usesExpressions) {
                throw ApiException.validation("ExpressionAttributeValues can only be specified when using expressions");
            }
            values = Wire.readMap(valuesNode);
            for (String k : values.keySet()) {
                if (!k.startsWith(":")) {
                    throw ApiException.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \""
                            + k + "\"");
                }
            }
        }
        return new ExpressionContext(names, values);
    }
}
