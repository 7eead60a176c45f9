package org.serverlessloyalty.local.dynamodb.expr;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.model.AttrValue;

/**
 * The ExpressionAttributeNames / ExpressionAttributeValues of one request, shared by all of its expressions,
 * tracking which placeholders were used so that unused ones are rejected as DynamoDB does.
 */
public final class ExpressionContext {

    private final Map<String, String> names;
    private final Map<String, AttrValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    public ExpressionContext(Map<String, String> names, Map<String, AttrValue> values) {
        this.names = names == null ? Map.of() : names;
        this.values = values == null ? Map.of() : values;
    }

    String name(String placeholder, String kind) {
        String n = names.get(placeholder);
        if (n == null) {
            throw error(kind, "An expression attribute name used in the document path is not defined; attribute name: "
                    + placeholder);
        }
        usedNames.add(placeholder);
        return n;
    }

    AttrValue value(String placeholder, String kind) {
        AttrValue v = values.get(placeholder);
        if (v == null) {
            throw error(kind, "An expression attribute value used in expression is not defined; attribute value: "
                    + placeholder);
        }
        usedValues.add(placeholder);
        return v;
    }

    /** After every expression of the request has been parsed: rejects placeholders that no expression used. */
    public void checkAllUsed() {
        if (usedNames.size() < names.size()) {
            Set<String> unused = new TreeSet<>(names.keySet());
            unused.removeAll(usedNames);
            throw ApiException.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unused) + "}");
        }
        if (usedValues.size() < values.size()) {
            Set<String> unused = new TreeSet<>(values.keySet());
            unused.removeAll(usedValues);
            throw ApiException.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unused) + "}");
        }
    }

    static ApiException error(String kind, String message) {
        return ApiException.validation("Invalid " + kind + ": " + message);
    }

    ApiException syntaxError(String kind, String text, String token, int position) {
        int from = Math.max(0, position - 8);
        int to = Math.min(text.length(), position + token.length() + 8);
        return error(kind, "Syntax error; token: \"" + token + "\", near: \"" + text.substring(from, to).trim() + "\"");
    }
}
