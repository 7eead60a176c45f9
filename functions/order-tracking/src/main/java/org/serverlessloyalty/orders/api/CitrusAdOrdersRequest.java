package org.serverlessloyalty.orders.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.order.model.OrderLine;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.store.model.StoreCode;

import static org.serverlessloyalty.orders.api.OrderFields.MAX_TEXT;

/**
 * The CitrusAd order-sync body ({@code POST /v1/orders}): {@code {"orders": [1-100 orders]}}, each
 * {@code customerId, catalogId?, sessionId, orderDate, id, orderItems[≥1]{gtin, quantity,
 * regularUnitPrice, totalOrderItemPriceAfterDiscounts, sellerId?}}, plus this engine's optional
 * {@code status} and {@code giftCodes}. Prices come as strings ({@code "1.00"}) or numbers; orderDate
 * is RFC 3339 with {@code Z} or an offset. One bad order refuses the whole batch, naming every
 * offending {@code orders[i].field}.
 */
final class CitrusAdOrdersRequest {

    static final int MAX_ORDERS = 100;

    private CitrusAdOrdersRequest() {
    }

    /** The batch's reports in request order; 400 naming every offending field. */
    static List<OrderReport> parse(StoreCode store, JsonNode body) {
        FieldErrors errors = FieldErrors.none();
        JsonFields json = JsonFields.root(body, errors);
        List<OrderReport> reports = new ArrayList<>();
        JsonNode orders = json.raw("orders");
        if (orders == null) {
            errors.add("orders", "is required (1 to " + MAX_ORDERS + " orders)");
        } else if (orders.isArray() && (orders.isEmpty() || orders.size() > MAX_ORDERS)) {
            errors.add("orders", "must hold 1 to " + MAX_ORDERS + " orders, has " + orders.size());
        } else {
            List<JsonFields> entries = json.objects("orders", MAX_ORDERS);
            if (entries != null) {
                for (JsonFields order : entries) {
                    if (order != null) {
                        reports.add(order(store, order));
                    }
                }
            }
        }
        errors.throwIfAny();
        return reports;
    }

    private static OrderReport order(StoreCode store, JsonFields order) {
        String customerId = OrderFields.requiredId(order, "customerId", MAX_TEXT);
        String catalogId = order.identifier("catalogId", MAX_TEXT);
        String sessionId = OrderFields.requiredId(order, "sessionId", MAX_TEXT);
        OffsetDateTime orderDate = OrderFields.requiredDateTime(order, "orderDate");
        String id = OrderFields.orderId(order, "id");
        OrderStatus given = order.enumValue("status", OrderStatus.class);
        List<CodeValue> giftCodes = giftCodes(order);

        List<OrderLine> lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        JsonNode items = order.raw("orderItems");
        if (items == null) {
            order.errors().add(order.path("orderItems"), "is required (at least one item)");
        } else if (items.isArray() && items.isEmpty()) {
            order.errors().add(order.path("orderItems"), "must hold at least one item");
        } else {
            List<JsonFields> entries = order.objects("orderItems", OrderFields.MAX_LINES);
            if (entries != null) {
                for (JsonFields item : entries) {
                    if (item == null) {
                        continue;
                    }
                    OrderLine line = item(item);
                    lines.add(line);
                    if (line.totalPrice() != null) {
                        total = total.add(line.totalPrice());
                    }
                }
            }
        }

        Map<String, String> attributes = new LinkedHashMap<>();
        if (catalogId != null) {
            attributes.put("catalogId", catalogId);
        }
        if (sessionId != null) {
            attributes.put("sessionId", sessionId);
        }
        return new OrderReport(store, id, OrderSource.CITRUSAD, given == null ? OrderStatus.PAID : given, customerId,
                orderDate, OrderFields.normal(total), null, null, null, giftCodes, lines, attributes);
    }

    private static OrderLine item(JsonFields item) {
        String gtin = OrderFields.requiredId(item, "gtin", 200);
        Integer quantity = OrderFields.requiredQuantity(item, "quantity");
        BigDecimal unitPrice = OrderFields.requiredPrice(item, "regularUnitPrice");
        BigDecimal totalPrice = OrderFields.requiredPrice(item, "totalOrderItemPriceAfterDiscounts");
        String sellerId = item.identifier("sellerId", 200);
        return new OrderLine(gtin, null, quantity, null, null, unitPrice, totalPrice, sellerId);
    }

    /** The extension {@code giftCodes}: a list of codes (one code as a plain string is taken too). */
    private static List<CodeValue> giftCodes(JsonFields order) {
        return OrderFields.giftCodes(order, "giftCodes");
    }
}
