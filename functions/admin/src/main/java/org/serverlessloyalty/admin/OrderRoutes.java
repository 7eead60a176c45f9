package org.serverlessloyalty.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.order.model.AppliedOrder;
import org.serverlessloyalty.shared.order.model.OrderIds;
import org.serverlessloyalty.shared.order.model.OrderLine;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.port.OrderLedger;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.text.PlainText;

/**
 * {@code GET /api/{storeCode}/admin/orders/{orderId}}: the order as applied, with each code's outcome, and under
 * {@code beacon} what the browser beacon reported for the same id when the storefront's report is the order.
 */
final class OrderRoutes {

    private final OrderLedger ledger;

    OrderRoutes(OrderLedger ledger) {
        this.ledger = ledger;
    }

    ApiResponse get(ApiRequest request) {
        var store = StoreRoutes.storeCode(request);
        String orderId = request.pathParameter("orderId");
        if (!OrderIds.isValid(orderId)) {
            // No order can have this id: answered without a key of it ever reaching DynamoDB.
            throw ApiException.notFound("Order " + PlainText.excerpt(orderId));
        }
        AppliedOrder applied = ledger.find(store, orderId)
                .orElseThrow(() -> ApiException.notFound("Order " + PlainText.excerpt(orderId)));
        return ApiResponse.ok(toJson(applied));
    }

    static Map<String, Object> toJson(AppliedOrder applied) {
        Map<String, Object> json = report(applied.order());
        json.put("redemptions", applied.redemptions().stream().map(r -> {
            Map<String, Object> redemption = new LinkedHashMap<>();
            redemption.put("code", r.code().value());
            redemption.put("outcome", r.outcome().name());
            redemption.put("reason", r.reason() == null ? null : r.reason().name());
            return redemption;
        }).toList());
        json.put("appliedAt", applied.appliedAt() == null ? null : applied.appliedAt().toString());
        json.put("updatedAt", applied.updatedAt() == null ? null : applied.updatedAt().toString());
        // The browser beacon's report of the same id, when the storefront's own report is the order: shown, not applied.
        json.put("beacon", applied.beacon().map(b -> {
            Map<String, Object> beacon = report(b.report());
            beacon.put("receivedAt", b.receivedAt() == null ? null : b.receivedAt().toString());
            return beacon;
        }).orElse(null));
        return json;
    }

    private static Map<String, Object> report(OrderReport o) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("storeCode", o.store().value());
        json.put("orderId", o.orderId());
        json.put("source", o.source().name());
        json.put("status", o.status().name());
        json.put("customerGuid", o.customerGuid());
        json.put("orderDate", o.orderDate() == null ? null : o.orderDate().toString());
        json.put("totalSpent", o.totalSpent());
        json.put("taxes", o.taxes());
        json.put("shippingCost", o.shippingCost());
        json.put("discountAmount", o.discountAmount());
        json.put("giftCodes", o.giftCodes().stream().map(CodeValue::value).toList());
        json.put("lines", o.lines().stream().map(OrderRoutes::line).toList());
        json.put("attributes", new java.util.TreeMap<>(o.attributes()));
        return json;
    }

    private static Map<String, Object> line(OrderLine line) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("productId", line.productId());
        json.put("name", line.name());
        json.put("quantity", line.quantity());
        json.put("category", line.category());
        json.put("orderType", line.orderType());
        json.put("unitPrice", line.unitPrice());
        json.put("totalPrice", line.totalPrice());
        json.put("sellerId", line.sellerId());
        return json;
    }
}
