package org.serverlessloyalty.shared.platform.dynamodb;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Null-safe conversions between item attributes and typed values, shared by the mappers. */
public final class Attributes {

    private Attributes() {
    }

    public static void putString(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    public static void putNumber(Map<String, AttributeValue> item, String name, Number value) {
        if (value != null) {
            item.put(name, AttributeValue.fromN(value instanceof BigDecimal d ? d.toPlainString() : value.toString()));
        }
    }

    public static void putStrings(Map<String, AttributeValue> item, String name, List<String> values) {
        if (values != null && !values.isEmpty()) {
            item.put(name, AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList()));
        }
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    public static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? null : new BigDecimal(v.n());
    }

    public static Integer integer(Map<String, AttributeValue> item, String name) {
        BigDecimal d = decimal(item, name);
        return d == null ? null : d.intValueExact();
    }

    public static long longValue(Map<String, AttributeValue> item, String name) {
        BigDecimal d = decimal(item, name);
        return d == null ? 0L : d.longValueExact();
    }

    public static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    public static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }

    public static LocalDate date(Map<String, AttributeValue> item, String name) {
        String s = string(item, name);
        return s == null ? null : LocalDate.parse(s);
    }

    public static Instant instant(Map<String, AttributeValue> item, String name) {
        String s = string(item, name);
        return s == null ? null : Instant.parse(s);
    }
}
