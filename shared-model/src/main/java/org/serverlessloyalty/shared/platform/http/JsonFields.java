package org.serverlessloyalty.shared.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.platform.text.PlainText;

/**
 * Reads typed fields out of a JSON object, recording every problem under the field's full path
 * (e.g. {@code codes[3].threshold}) instead of stopping at the first, so one 400 names them all.
 * A getter returns null when the field is absent, null, or invalid (the error is then recorded).
 * Every text is refused when it holds control or format characters ({@link PlainText}), every
 * number has an upper bound, and no error message quotes more than a short prefix of the input.
 *
 * <p>The fields of an Open Loyalty body ({@link OpenLoyaltyBody#parse}) are read as Open Loyalty reads them:
 * paths as its clients write them ({@code transfer[points]}, {@code codes[3][value]}); numbers also from text
 * ({@code "9"}, as every value of a form body is text), with the same bounds as JSON numbers; integers also where
 * a string is expected (a store code {@code 13}); and {@link #bool} by Open Loyalty's checkbox rule
 * ({@link #olBool}).
 */
public final class JsonFields {

    /** A number written as text in an Open Loyalty body: what {@link BigDecimal#BigDecimal(String)} reads. */
    private static final Pattern NUMBER_TEXT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final JsonNode node;
    private final String path;
    private final FieldErrors errors;
    private final PathStyle style;
    private final boolean openLoyalty;

    public JsonFields(JsonNode node, String path, FieldErrors errors) {
        this(node, path, errors, PathStyle.DOTTED, false);
    }

    private JsonFields(JsonNode node, String path, FieldErrors errors, PathStyle style, boolean openLoyalty) {
        this.node = node;
        this.path = path;
        this.errors = errors;
        this.style = style;
        this.openLoyalty = openLoyalty;
    }

    public static JsonFields root(JsonNode node, FieldErrors errors) {
        return new JsonFields(node, "", errors);
    }

    /** The fields of an Open Loyalty body under {@code path} ("" when the client sent them without the root key). */
    static JsonFields openLoyalty(JsonNode node, String path, FieldErrors errors) {
        return new JsonFields(node, path, errors, PathStyle.BRACKETS, true);
    }

    /** True for the fields of an Open Loyalty body: bracket paths, numbers from text, Open Loyalty's booleans. */
    public boolean isOpenLoyalty() {
        return openLoyalty;
    }

    public String path(String field) {
        return style.field(path, field);
    }

    private JsonFields child(JsonNode value, String childPath) {
        return new JsonFields(value, childPath, errors, style, openLoyalty);
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
        if (openLoyalty && value.isIntegralNumber()) {
            // Symfony forms read any scalar as text: {"store":{"code":13}} is store 13. At most 64 digits.
            value = TextNode.valueOf(value.asText());
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
        JsonNode value = number(field, "must be a number");
        if (value == null) {
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
        JsonNode value = number(field, "must be a whole number");
        if (value == null) {
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

    /**
     * The field as a JSON number, or null (recording {@code expected} when it is not one). In an Open Loyalty body a
     * text such as {@code "9"}, {@code " -2.5 "} or {@code "1e3"} is a number too, under the bounds of a JSON number
     * ({@link Json#numberProblem}), checked on the text before any conversion.
     */
    private JsonNode number(String field, String expected) {
        JsonNode value = raw(field);
        if (value == null || value.isNumber()) {
            return value;
        }
        if (openLoyalty && value.isTextual()) {
            String text = value.asText().strip();
            String problem = text.length() > Json.MAX_NUMBER_CHARS ? Json.numberProblem(text)
                    : !NUMBER_TEXT.matcher(text).matches() ? expected
                    : Json.numberProblem(text);
            if (problem == null) {
                return DecimalNode.valueOf(new BigDecimal(text));
            }
            errors.add(path(field), problem);
            return null;
        }
        errors.add(path(field), expected);
        return null;
    }

    /**
     * true/false, or 1/0 as the CibleR coupon body sends {@code discountWholeCart}; null when absent. In an Open
     * Loyalty body, any value the client sent is read by Open Loyalty's checkbox rule ({@link #olBool}); null still
     * means absent, so a route can keep its own default (a new store is active, an update leaves it as it is).
     */
    public Boolean bool(String field) {
        JsonNode value = raw(field);
        if (value == null) {
            return null;
        }
        if (openLoyalty) {
            return openLoyaltyBool(field, value);
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

    /**
     * Open Loyalty's checkbox rule ({@code CheckboxTypeExtension}): false when the field is absent or null, JSON
     * {@code false}, a number equal to 0, or a text that is {@code false}, {@code 0} or {@code null} once its quotes
     * ({@code '} and {@code "}) and surrounding spaces are removed; true for anything else, {@code "no"} and
     * {@code ""} included. An array or an object is recorded as an error (null).
     */
    public Boolean olBool(String field) {
        JsonNode value = raw(field);
        return value == null ? Boolean.FALSE : openLoyaltyBool(field, value);
    }

    private Boolean openLoyaltyBool(String field, JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            // Bounded when parsed; signum does not expand the number.
            return value.decimalValue().signum() != 0;
        }
        if (value.isTextual()) {
            String text = value.asText().replace("'", "").replace("\"", "").strip();
            return !(text.equals("false") || text.equals("0") || text.equals("null"));
        }
        errors.add(path(field), "must be true or false (false, 0, \"0\", \"false\" or \"null\" is false; any other value true)");
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
                    errors.add(PathStyle.element(path(field), i), "must be 1-" + maxLength + " characters");
                } else if (!PlainText.isClean(text)) {
                    errors.add(PathStyle.element(path(field), i), NOT_PLAIN);
                } else {
                    out.add(text);
                }
            } else {
                errors.add(PathStyle.element(path(field), i), "must be a string");
            }
        }
        return out;
    }

    /** True when {@code field} (or a part of it) already has an error: forms record one message per field. */
    public boolean failed(String field) {
        String at = path(field);
        return errors.list().stream().anyMatch(e -> e.field().equals(at) || e.field().startsWith(at + "["));
    }

    /**
     * Open Loyalty's id lists ({@code levels}, {@code segments}, ...): an array, or a text standing for an empty list
     * ({@code x[segments]=}, or the {@code [ ]} its docs send); duplicates dropped, order kept. Null when invalid
     * (recorded).
     */
    public List<String> idList(String field, int maxItems, int maxLength) {
        JsonNode value = raw(field);
        if (value == null) {
            return List.of();
        }
        if (value.isTextual()) {
            if (value.asText().replace("[", "").replace("]", "").isBlank()) {
                return List.of();
            }
            errors.add(path(field), "must be a list (" + field + "[0]=...&" + field + "[1]=...)");
            return null;
        }
        List<String> values = strings(field, maxItems, maxLength);
        return values == null ? null : List.copyOf(new java.util.LinkedHashSet<>(values));
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
        return child(value, path(field));
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
            String entryPath = PathStyle.element(path(field), i);
            if (entry.isObject()) {
                out.add(child(entry, entryPath));
            } else {
                errors.add(entryPath, "must be an object");
                out.add(null);
            }
        }
        return out;
    }
}
