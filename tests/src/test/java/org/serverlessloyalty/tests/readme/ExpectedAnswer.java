package org.serverlessloyalty.tests.readme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields a README example shows in an answer, e.g. {@code {"code":"13",...,"apiKey":"sl_13_..."}}. The text
 * need not be valid JSON: each {@code "name":value} pair whose value is a string, number, {@code true},
 * {@code false} or {@code null} must appear somewhere in the actual answer with that value; {@code ...} inside a
 * string matches any text ({@code "sl_13_..."} is any key of store 13). Objects and arrays are not compared as a
 * whole, only the plain fields inside them.
 */
record ExpectedAnswer(int line, String text, List<Field> fields) {

    record Field(String name, String value) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PAIR = Pattern.compile(
            "\"([^\"\\\\]+)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|true|false|null|-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)");

    static ExpectedAnswer of(String text, int line) {
        List<Field> fields = new ArrayList<>();
        Matcher pair = PAIR.matcher(text);
        while (pair.find()) {
            fields.add(new Field(pair.group(1), pair.group(2)));
        }
        return new ExpectedAnswer(line, text.strip(), fields);
    }

    /**
     * The fields as extended regular expressions over compact JSON, for the script to wait on: an answer of an
     * asynchronous write (an order's points) is read again while one is missing. Strings with "..." are left out.
     */
    List<String> waitPatterns() {
        List<String> patterns = new ArrayList<>();
        for (Field field : fields) {
            String value = field.value();
            String name = "\"" + ere(field.name()) + "\":";
            if (value.startsWith("\"")) {
                if (!value.contains("...") && !value.contains("\\")) {
                    patterns.add(name + ere(value));
                }
            } else if (value.matches("-?\\d+(\\.\\d+)?")) {
                String number = value.contains(".") ? value.replaceAll("0+$", "").replaceAll("\\.$", "") : value;
                patterns.add(name + ere(number) + (number.contains(".") ? "0*" : "(\\.0+)?") + END);
            } else if (!value.contains("e") && !value.contains("E")) {
                patterns.add(name + value + END);
            }
        }
        return patterns;
    }

    /** Where a value ends in compact JSON; no bracket expression, which POSIX and Java read differently. */
    private static final String END = "(,|}|]|$)";

    private static String ere(String text) {
        return text.replaceAll("([\\\\.\\[\\]{}()*+?^$|])", "\\\\$1");
    }

    /** What in {@code body} differs from what the README shows; empty when it matches. */
    List<String> mismatches(String body) {
        if (fields.isEmpty()) {
            return List.of();
        }
        JsonNode actual;
        try {
            actual = JSON.readTree(body);
        } catch (Exception e) {
            return List.of("the answer is not JSON: " + body);
        }
        List<String> mismatches = new ArrayList<>();
        for (Field field : fields) {
            if (!anywhere(actual, field)) {
                mismatches.add("no \"" + field.name() + "\":" + field.value() + " in the answer");
            }
        }
        return mismatches;
    }

    private static boolean anywhere(JsonNode node, Field field) {
        if (node == null) {
            return false;
        }
        if (node.isObject() && node.has(field.name()) && matches(node.get(field.name()), field.value())) {
            return true;
        }
        for (JsonNode child : node) {
            if (anywhere(child, field)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(JsonNode actual, String expected) {
        switch (expected) {
            case "null":
                return actual.isNull();
            case "true":
            case "false":
                return actual.isBoolean() && actual.asBoolean() == Boolean.parseBoolean(expected);
            default:
                break;
        }
        if (!expected.startsWith("\"")) {
            return actual.isNumber() && actual.decimalValue().compareTo(new BigDecimal(expected)) == 0;
        }
        if (!actual.isTextual()) {
            return false;
        }
        String text;
        try {
            text = JSON.readValue(expected, String.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not a JSON string: " + expected, e);
        }
        String[] parts = text.split("\\.\\.\\.", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual.asText()).matches();
    }
}
