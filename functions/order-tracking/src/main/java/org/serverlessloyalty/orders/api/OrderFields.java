package org.serverlessloyalty.orders.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.order.model.OrderIds;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;

/** Field rules the three order APIs share, on top of {@link JsonFields}: each records errors under the full path. */
final class OrderFields {

    /** Amounts are major units of the store currency; anything above this is a mistake, not an order. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    static final int MAX_AMOUNT_SCALE = 6;
    static final int MAX_QUANTITY = 1_000_000;
    static final int MAX_LINES = 1_000;
    static final int MAX_CODES = 20;
    static final int MAX_ID_LENGTH = OrderIds.MAX_LENGTH;
    static final int MAX_TEXT = 256;
    /** Points and balances CibleR reports (kept as order attributes): whole numbers within ± this. */
    static final long MAX_POINTS = 1_000_000_000_000L;
    /** A price written as text has at most this many characters: checked before it becomes a BigDecimal. */
    static final int MAX_PRICE_CHARS = 32;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    /** RFC 3339 date-time: {@code Z} or a {@code ±HH:MM} offset, optional fraction. */
    private static final Pattern RFC_3339 = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})");

    private OrderFields() {
    }

    /** A mandatory identifier (a string, or a number taken as its text); blank counts as missing. */
    static String requiredId(JsonFields json, String field, int maxLength) {
        if (!json.has(field)) {
            json.errors().add(json.path(field), "is required");
            return null;
        }
        JsonNode raw = json.raw(field);
        String value = json.identifier(field, maxLength);
        if (value == null && raw.isTextual() && raw.asText().isBlank()) {
            json.errors().add(json.path(field), "must not be blank");
        }
        return value;
    }

    /** A mandatory string; blank counts as missing. */
    static String requiredText(JsonFields json, String field, int maxLength) {
        if (!json.has(field)) {
            json.errors().add(json.path(field), "is required");
            return null;
        }
        String value = json.string(field, maxLength);
        if (value != null && value.isEmpty()) {
            json.errors().add(json.path(field), "must not be blank");
            return null;
        }
        return value;
    }

    /** An order id that must be usable as a key and a path segment. */
    static String orderId(JsonFields json, String field) {
        String id = requiredId(json, field, MAX_ID_LENGTH);
        if (id != null && !OrderIds.isValid(id)) {
            json.errors().add(json.path(field), "must not contain spaces, control or format characters or '/'");
            return null;
        }
        return id;
    }

    static boolean isOrderId(String id) {
        return OrderIds.isValid(id);
    }

    /** A CibleR order id: a Long, sent as a JSON integer or a string of digits; answered in its canonical text. */
    static String numericOrderId(JsonFields json, String field) {
        JsonNode raw = json.raw(field);
        if (raw == null) {
            json.errors().add(json.path(field), "is required");
            return null;
        }
        Long id = null;
        // The range first: it is decided on the exponent, so no value is ever expanded.
        if (raw.isNumber() && raw.canConvertToLong()
                && (raw.isIntegralNumber() || raw.decimalValue().stripTrailingZeros().scale() <= 0)) {
            id = raw.asLong();
        } else if (raw.isTextual() && DIGITS.matcher(raw.asText().strip()).matches()) {
            try {
                id = Long.parseLong(raw.asText().strip());
            } catch (NumberFormatException tooLarge) {
                id = null;
            }
        }
        if (id == null || id < 0) {
            json.errors().add(json.path(field), "must be a whole number of at most 19 digits (a JSON integer or a string of digits)");
            return null;
        }
        return Long.toString(id);
    }

    /** A mandatory amount given as a JSON number. */
    static BigDecimal requiredAmount(JsonFields json, String field) {
        json.require(field);
        return amount(json, field);
    }

    /** An optional amount given as a JSON number (null when absent or null). */
    static BigDecimal amount(JsonFields json, String field) {
        return normal(json.decimal(field, BigDecimal.ZERO, MAX_AMOUNT, MAX_AMOUNT_SCALE));
    }

    /** A mandatory price as CitrusAd sends it: a string ({@code "1.00"}) or a number. */
    static BigDecimal requiredPrice(JsonFields json, String field) {
        JsonNode raw = json.raw(field);
        if (raw == null) {
            json.errors().add(json.path(field), "is required");
            return null;
        }
        if (raw.isNumber()) {
            return amount(json, field);
        }
        if (raw.isTextual()) {
            return price(raw.asText(), json.path(field), json.errors());
        }
        json.errors().add(json.path(field), "must be a price (a string such as \"1.00\" or a number)");
        return null;
    }

    /** A price written as text ({@code "2.50"}); the error is recorded under {@code path}. */
    static BigDecimal price(String text, String path, FieldErrors errors) {
        String trimmed = text.strip();
        if (trimmed.length() > MAX_PRICE_CHARS || !DECIMAL.matcher(trimmed).matches()) {
            errors.add(path, "must be a non-negative decimal number of at most " + MAX_PRICE_CHARS
                    + " characters, such as \"2.50\"");
            return null;
        }
        BigDecimal value = normal(new BigDecimal(trimmed));
        if (value.compareTo(MAX_AMOUNT) > 0) {
            errors.add(path, "must be at most " + MAX_AMOUNT.toPlainString());
            return null;
        }
        if (value.scale() > MAX_AMOUNT_SCALE) {
            errors.add(path, "must have at most " + MAX_AMOUNT_SCALE + " decimal places");
            return null;
        }
        return value;
    }

    /** A mandatory quantity: a whole number from 1. */
    static Integer requiredQuantity(JsonFields json, String field) {
        json.require(field);
        Long quantity = json.integer(field, 1, MAX_QUANTITY);
        return quantity == null ? null : quantity.intValue();
    }

    /** A quantity written as text; the error is recorded under {@code path}. */
    static Integer quantity(String text, String path, FieldErrors errors) {
        String trimmed = text.strip();
        if (DIGITS.matcher(trimmed).matches()) {
            long value = Long.parseLong(trimmed);
            if (value >= 1 && value <= MAX_QUANTITY) {
                return (int) value;
            }
        }
        errors.add(path, "must be a whole number between 1 and " + MAX_QUANTITY);
        return null;
    }

    /** A mandatory RFC 3339 date-time string. */
    static OffsetDateTime requiredDateTime(JsonFields json, String field) {
        if (!json.has(field)) {
            json.errors().add(json.path(field), "is required");
            return null;
        }
        String text = json.string(field, 64);
        return text == null ? null : dateTime(text, json.path(field), json.errors());
    }

    /** {@code 2021-12-02T15:00:00Z} or {@code 2021-12-02T15:00:00+10:00}; the error is recorded under {@code path}. */
    static OffsetDateTime dateTime(String text, String path, FieldErrors errors) {
        String trimmed = text.strip();
        if (RFC_3339.matcher(trimmed).matches()) {
            try {
                return OffsetDateTime.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException invalid) {
                // a well-formed but impossible date (2021-02-30): falls through to the error
            }
        }
        errors.add(path, "must be an RFC 3339 date-time with Z or an offset, e.g. 2021-12-02T15:00:00Z or 2021-12-02T15:00:00+10:00");
        return null;
    }

    /**
     * Gift codes: absent, null or "" for none, one code as a string, or a list of codes (the
     * "two coupons" flows). Each must be a valid code; duplicates count once.
     */
    static List<CodeValue> giftCodes(JsonFields json, String field) {
        JsonNode raw = json.raw(field);
        List<CodeValue> codes = new ArrayList<>();
        if (raw == null) {
            return codes;
        }
        if (raw.isTextual() || raw.isIntegralNumber()) {
            String text = raw.asText().strip();
            if (!text.isEmpty()) {
                code(text, json.path(field), json.errors(), codes);
            }
            return codes;
        }
        if (!raw.isArray()) {
            json.errors().add(json.path(field), "must be a gift code or a list of gift codes");
            return codes;
        }
        if (raw.size() > MAX_CODES) {
            json.errors().add(json.path(field), "must have at most " + MAX_CODES + " codes");
            return codes;
        }
        for (int i = 0; i < raw.size(); i++) {
            JsonNode entry = raw.get(i);
            String path = json.path(field) + "[" + i + "]";
            if (entry.isTextual() || entry.isIntegralNumber()) {
                code(entry.asText(), path, json.errors(), codes);
            } else {
                json.errors().add(path, "must be a gift code (a string)");
            }
        }
        return codes;
    }

    private static void code(String text, String path, FieldErrors errors, List<CodeValue> codes) {
        if (!CodeValue.isValid(text)) {
            errors.add(path, "is not a gift code: 1-" + CodeValue.MAX_LENGTH + " letters, digits, '-' or '_'");
            return;
        }
        CodeValue code = CodeValue.of(text);
        if (!codes.contains(code)) {
            codes.add(code);
        }
    }

    /** One text form per value: trailing zeros dropped, never an exponent (1E+2). */
    static BigDecimal normal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
