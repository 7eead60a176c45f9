package org.serverlessloyalty.orders.api;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.order.model.OrderLine;
import org.serverlessloyalty.shared.order.model.OrderReport;

/**
 * Orders in CitrusAd's response shape, fields in CitrusAd's order:
 *
 * <pre>
 * {"orders": [{"adIds": null, "teamId": "&lt;store&gt;", "customerId", "catalogId" (when known), "sessionId", "id",
 *              "orderItems": [{"regularUnitPrice": 1.00, "citrusDiscountAmount": null, "gtin", "adId": "",
 *                              "quantity", "substitutedFor": null, "totalOrderItemPriceAfterDiscounts": 3.00,
 *                              "sellerId" (when given)}],
 *              "orderDate": "2021-12-02T15:00:00Z"}]}
 * </pre>
 *
 * Prices are JSON numbers with at least two decimals; {@code orderDate} is given in UTC, as CitrusAd
 * reads it. This engine serves no ads, so the ad fields are CitrusAd's empty values.
 */
final class CitrusAdJson {

    private CitrusAdJson() {
    }

    static Map<String, Object> orders(List<OrderReport> reports) {
        return Map.of("orders", reports.stream().map(CitrusAdJson::order).toList());
    }

    static Map<String, Object> order(OrderReport report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("adIds", null);
        json.put("teamId", report.store().value());
        json.put("customerId", report.customerGuid());
        String catalogId = report.attributes().get("catalogId");
        if (catalogId != null) {
            json.put("catalogId", catalogId);
        }
        json.put("sessionId", report.attributes().get("sessionId"));
        json.put("id", report.orderId());
        json.put("orderItems", report.lines().stream().map(CitrusAdJson::item).toList());
        json.put("orderDate", report.orderDate() == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(report.orderDate().withOffsetSameInstant(ZoneOffset.UTC)));
        return json;
    }

    private static Map<String, Object> item(OrderLine line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("regularUnitPrice", price(line.unitPrice()));
        json.put("citrusDiscountAmount", null);
        json.put("gtin", line.productId());
        json.put("adId", "");
        json.put("quantity", line.quantity());
        json.put("substitutedFor", null);
        json.put("totalOrderItemPriceAfterDiscounts", price(line.totalPrice()));
        if (line.sellerId() != null) {
            json.put("sellerId", line.sellerId());
        }
        return json;
    }

    /** 1 → 1.00, 2.5 → 2.50, 0.125 stays 0.125. */
    static BigDecimal price(BigDecimal value) {
        if (value == null) {
            return null;
        }
        return value.scale() < 2 ? value.setScale(2) : value;
    }
}
