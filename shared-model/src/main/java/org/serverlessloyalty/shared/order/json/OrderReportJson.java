package org.serverlessloyalty.shared.order.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.order.model.OrderLine;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The order queue's message body, versioned. The same report always serialises to the same
 * bytes (fields in a fixed order, attributes sorted), so its SHA-256 is a content hash: the SQS
 * deduplication id and the ledger's record of what was applied.
 */
public final class OrderReportJson {

    public static final int VERSION = 1;

    private OrderReportJson() {
    }

    public static String write(OrderReport r) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("v", VERSION);
        json.put("store", r.store().value());
        json.put("orderId", r.orderId());
        json.put("source", r.source().name());
        json.put("status", r.status().name());
        json.put("customerGuid", r.customerGuid());
        json.put("orderDate", r.orderDate() == null ? null : r.orderDate().toString());
        json.put("totalSpent", canonical(r.totalSpent()));
        json.put("taxes", canonical(r.taxes()));
        json.put("shippingCost", canonical(r.shippingCost()));
        json.put("discountAmount", canonical(r.discountAmount()));
        ArrayNode codes = json.putArray("giftCodes");
        r.giftCodes().forEach(c -> codes.add(c.value()));
        ArrayNode lines = json.putArray("lines");
        for (OrderLine line : r.lines()) {
            ObjectNode l = lines.addObject();
            l.put("productId", line.productId());
            l.put("name", line.name());
            l.put("quantity", line.quantity());
            l.put("category", line.category());
            l.put("orderType", line.orderType());
            l.put("unitPrice", canonical(line.unitPrice()));
            l.put("totalPrice", canonical(line.totalPrice()));
            l.put("sellerId", line.sellerId());
        }
        ObjectNode attributes = json.putObject("attributes");
        new TreeMap<>(r.attributes()).forEach(attributes::put);
        return json.toString();
    }

    /** @throws IllegalArgumentException when the body is not a report this version can read */
    public static OrderReport read(String body) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Order message is not JSON: " + e.getOriginalMessage(), e);
        }
        if (json == null || json.path("v").asInt() != VERSION) {
            throw new IllegalArgumentException("Order message has no supported version (v=" + VERSION + ")");
        }
        List<CodeValue> codes = new ArrayList<>();
        json.path("giftCodes").forEach(c -> codes.add(new CodeValue(c.asText())));
        List<OrderLine> lines = new ArrayList<>();
        for (JsonNode l : json.path("lines")) {
            lines.add(new OrderLine(text(l, "productId"), text(l, "name"),
                    l.hasNonNull("quantity") ? l.get("quantity").asInt() : null,
                    text(l, "category"), text(l, "orderType"), decimal(l, "unitPrice"), decimal(l, "totalPrice"),
                    text(l, "sellerId")));
        }
        Map<String, String> attributes = new TreeMap<>();
        json.path("attributes").fields().forEachRemaining(e -> attributes.put(e.getKey(), e.getValue().asText()));
        String orderDate = text(json, "orderDate");
        return new OrderReport(
                new StoreCode(required(json, "store")),
                required(json, "orderId"),
                OrderSource.valueOf(required(json, "source")),
                OrderStatus.valueOf(required(json, "status")),
                text(json, "customerGuid"),
                orderDate == null ? null : OffsetDateTime.parse(orderDate),
                decimal(json, "totalSpent"),
                decimal(json, "taxes"),
                decimal(json, "shippingCost"),
                decimal(json, "discountAmount"),
                codes,
                lines,
                attributes);
    }

    /** Hex SHA-256 of the canonical body. */
    public static String contentHash(OrderReport report) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(report).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 150, 150.0 and 150.00 are one amount: one spelling keeps the content hash stable. */
    private static BigDecimal canonical(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String required(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null) {
            throw new IllegalArgumentException("Order message lacks " + field);
        }
        return value;
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BigDecimal decimal(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.decimalValue();
    }
}
