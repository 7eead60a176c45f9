package org.serverlessloyalty.shared.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.serverlessloyalty.shared.platform.text.PlainText;

/**
 * Reads typed fields out of a JSON object, recording every problem under the field's full path
 * (e.g. {@code codes[3].threshold}) instead of stopping at the first, so one 400 names them all.
 * A getter returns null when the field is absent, null, or invalid (the error is then recorded).
 * Every text is refused when it holds control or format characters ({@link PlainText}), every
 * number has an upper bound, and no error message quotes more than a short prefix of the input.
 */
public final class JsonFields {

    private final JsonNode node;
    private final String path;
    private final FieldErrors errors;

    public JsonFields(JsonNode node, String path, FieldErrors errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    public static JsonFields root(JsonNode node, FieldErrors errors) {
        return new JsonFields(node, "", errors);
    }

    public String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public FieldErrors errors() {
        return errors;
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    public JsonNode raw(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    /** Records every field not in {@code known}: a typo must not silently drop a setting. */
    public void rejectUnknown(Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.add(path(name), "is not a known field");
            }
        }
    }

    public void require(String field) {
        if (!has(field)) {
            errors.add(path(field), "is required");
        }
    }

    public String string(String field, int maxLength) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            errors.add(path(field), "must be a string");
            return null;
        }
        String text = value.asText().strip();
        if (text.length() > maxLength) {
            errors.add(path(field), "must be at most " + maxLength + " characters");
            return null;
        }
        if (!PlainText.isClean(text)) {
            errors.add(path(field), NOT_PLAIN);
            return null;
        }
        return text;
    }

    static final String NOT_PLAIN = "must not contain control or format characters (such as NUL or a right-to-left override)";

    /** A string, or a number given where an identifier is expected (CibleR sends ids both ways). */
    public String identifier(String field, int maxLength) {
        JsonNode value = raw(field);
        if (value != null && value.isIntegralNumber()) {
            String text = value.asText();
            if (text.length() > maxLength) {
                errors.add(path(field), "must be at most " + maxLength + " characters");
                return null;
            }
            return text;
        }
        String text = string(field, maxLength);
        // An empty identifier identifies nobody: treat it as absent.
        return text == null || text.isEmpty() ? null : text;
    }

    /**
     * A JSON number within {@code [min, max]} with at most {@code maxScale} decimal places, trailing
     * zeros dropped. Both bounds are compared before the value is rescaled or expanded, so a number
     * such as {@code 1e999} costs no more than {@code 1}; {@code max} is required: every amount has a ceiling.
     */
    public BigDecimal decimal(String field, BigDecimal min, BigDecimal max, int maxScale) {
        Objects.requireNonNull(max, "every amount needs an upper bound");
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            errors.add(path(field), "must be a number");
            return null;
        }
        BigDecimal number = value.decimalValue();
        // compareTo decides on the exponents first when they differ: constant time whatever the exponent.
        if (min != null && number.compareTo(min) < 0) {
            errors.add(path(field), "must be at least " + min.toPlainString());
            return null;
        }
        if (number.compareTo(max) > 0) {
            errors.add(path(field), "must be at most " + max.toPlainString());
            return null;
        }
        // Within the bounds: a tiny magnitude may still carry a huge scale (1e-999999), so test the
        // scale before stripping, and strip only a number whose digits are few.
        if (number.scale() > maxScale && (number.precision() > Json.MAX_NUMBER_CHARS
                || number.stripTrailingZeros().scale() > maxScale)) {
            errors.add(path(field), "must have at most " + maxScale + " decimal places");
            return null;
        }
        number = number.stripTrailingZeros();
        return number.scale() < 0 ? number.setScale(0) : number;
    }

    /** A whole JSON number within {@code [min, max]} ({@code 3.0} counts as whole). */
    public Long integer(String field, long min, long max) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            errors.add(path(field), "must be a whole number");
            return null;
        }
        if (!value.canConvertToLong()
                || value.decimalValue().compareTo(BigDecimal.valueOf(min)) < 0
                || value.decimalValue().compareTo(BigDecimal.valueOf(max)) > 0) {
            errors.add(path(field), "must be between " + min + " and " + max);
            return null;
        }
        // In the long range now, so stripping costs at most 19 digits.
        if (!value.isIntegralNumber() && value.decimalValue().stripTrailingZeros().scale() > 0) {
            errors.add(path(field), "must be a whole number");
            return null;
        }
        return value.asLong();
    }

    /** true/false, or 1/0 as the CibleR coupon body sends {@code discountWholeCart}. */
    public Boolean bool(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isIntegralNumber() && value.canConvertToInt() && (value.intValue() == 0 || value.intValue() == 1)) {
            return value.intValue() == 1;
        }
        errors.add(path(field), "must be true or false");
        return null;
    }

    public LocalDate date(String field) {
        String text = string(field, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(path(field), "must be a date yyyy-MM-dd");
            return null;
        }
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String text = string(field, 64);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(path(field), "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** A list of strings (numbers are taken as their text); null entries are refused. */
    public List<String> strings(String field, int maxItems, int maxLength) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(path(field), "must be an array of strings");
            return null;
        }
        if (value.size() > maxItems) {
            errors.add(path(field), "must have at most " + maxItems + " entries");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode entry = value.get(i);
            if (entry.isTextual() || entry.isNumber()) {
                String text = entry.asText().strip();
                if (text.isEmpty() || text.length() > maxLength) {
                    errors.add(path(field) + "[" + i + "]", "must be 1-" + maxLength + " characters");
                } else if (!PlainText.isClean(text)) {
                    errors.add(path(field) + "[" + i + "]", NOT_PLAIN);
                } else {
                    out.add(text);
                }
            } else {
                errors.add(path(field) + "[" + i + "]", "must be a string");
            }
        }
        return out;
    }

    /** The nested object, or null (recording an error when present but not an object). */
    public JsonFields object(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            errors.add(path(field), "must be an object");
            return null;
        }
        return new JsonFields(value, path(field), errors);
    }

    /**
     * The array's elements as objects, or null (recording an error when present but not an array).
     * The list keeps the request's indexes: an element that is not an object is recorded as an
     * error and stands as null.
     */
    public List<JsonFields> objects(String field, int maxItems) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            errors.add(path(field), "must be an array");
            return null;
        }
        if (value.size() > maxItems) {
            errors.add(path(field), "must have at most " + maxItems + " entries, has " + value.size());
            return null;
        }
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode entry = value.get(i);
            String entryPath = path(field) + "[" + i + "]";
            if (entry.isObject()) {
                out.add(new JsonFields(entry, entryPath, errors));
            } else {
                errors.add(entryPath, "must be an object");
                out.add(null);
            }
        }
        return out;
    }
}
