package org.serverlessloyalty.orders.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.order.model.OrderLine;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.store.model.StoreCode;

import static org.serverlessloyalty.orders.api.OrderFields.MAX_TEXT;

/**
 * The CibleR order-tracking body ({@code POST /api/campaignBehaviors/order/{customerId}}):
 *
 * <pre>
 * {"orderContext": {"key", "email", "phone", "country", "environnement", "siteId", "customerGuid",
 *                   "userBalance", "cookieId"},
 *  "cookieId",
 *  "orderInformation": {"orderId", "points", "totalSpent", "taxes", "shippingCost", "giftCode",
 *                       "discountAmount", "status", "orderLines": [{"productId", "name", "quantity",
 *                       "category", "orderType", "unitPrice", "sellerId"}]}}
 * </pre>
 *
 * Mandatory as the spec's tables say; {@code giftCode} and {@code discountAmount} are "YES (can be
 * null)", so they may be null or absent. {@code cookieId} is read at the top level (the full spec's
 * table) or inside {@code orderContext} (the deposit examples). {@code giftCode} is one code or a
 * list. {@code status} (PAID, CANCELLED, REFUNDED; default PAID) is this engine's extension.
 * Unknown fields are ignored: storefronts send what their CibleR integration sends.
 *
 * <p>Parsing never throws: the handler first authenticates {@code orderContext.key} when it is
 * there (401/404 before anything about the body is revealed), then {@link #toReport} answers one
 * 400 naming every offending field.
 */
final class CiblerOrderRequest {

    /** The spec's mandatory fields, with their full paths (a missing one is a 400 naming it). */
    static final List<String> MANDATORY = List.of(
            "orderContext.key", "orderContext.email", "orderContext.country", "orderContext.environnement",
            "orderContext.siteId", "orderContext.customerGuid", "cookieId", "orderInformation.orderId",
            "orderInformation.totalSpent", "orderInformation.taxes", "orderInformation.shippingCost");

    private static final List<String> ORDER_TYPES = List.of("Standard", "Marketplace");

    private final FieldErrors errors;
    private final String apiKey;
    private final String orderId;
    private final OrderStatus status;
    private final String customerGuid;
    private final BigDecimal totalSpent;
    private final BigDecimal taxes;
    private final BigDecimal shippingCost;
    private final BigDecimal discountAmount;
    private final List<CodeValue> giftCodes;
    private final List<OrderLine> lines;
    private final Map<String, String> attributes;

    private CiblerOrderRequest(FieldErrors errors, String apiKey, String orderId, OrderStatus status,
                               String customerGuid, BigDecimal totalSpent, BigDecimal taxes, BigDecimal shippingCost,
                               BigDecimal discountAmount, List<CodeValue> giftCodes, List<OrderLine> lines,
                               Map<String, String> attributes) {
        this.errors = errors;
        this.apiKey = apiKey;
        this.orderId = orderId;
        this.status = status;
        this.customerGuid = customerGuid;
        this.totalSpent = totalSpent;
        this.taxes = taxes;
        this.shippingCost = shippingCost;
        this.discountAmount = discountAmount;
        this.giftCodes = giftCodes;
        this.lines = lines;
        this.attributes = attributes;
    }

    static CiblerOrderRequest parse(JsonNode body) {
        FieldErrors errors = FieldErrors.none();
        JsonFields json = JsonFields.root(body, errors);
        Map<String, String> attributes = new LinkedHashMap<>();

        json.require("orderContext");
        JsonFields context = json.object("orderContext");
        String apiKey = null;
        String customerGuid = null;
        String contextCookieId = null;
        if (context != null) {
            apiKey = OrderFields.requiredText(context, "key", MAX_TEXT);
            put(attributes, "email", OrderFields.requiredText(context, "email", 320));
            put(attributes, "phone", context.identifier("phone", 64));
            put(attributes, "country", OrderFields.requiredText(context, "country", 64));
            put(attributes, "environnement", OrderFields.requiredText(context, "environnement", 64));
            context.require("siteId");
            put(attributes, "siteId", context.integer("siteId", Integer.MIN_VALUE, Integer.MAX_VALUE));
            customerGuid = OrderFields.requiredId(context, "customerGuid", MAX_TEXT);
            put(attributes, "userBalance", context.integer("userBalance", -OrderFields.MAX_POINTS, OrderFields.MAX_POINTS));
            contextCookieId = context.identifier("cookieId", MAX_TEXT);
        }

        // The full spec puts cookieId at the top level, the deposit examples inside orderContext.
        String cookieId = json.has("cookieId") || contextCookieId == null
                ? OrderFields.requiredId(json, "cookieId", MAX_TEXT)
                : contextCookieId;
        put(attributes, "cookieId", cookieId);

        json.require("orderInformation");
        JsonFields info = json.object("orderInformation");
        String orderId = null;
        OrderStatus status = OrderStatus.PAID;
        BigDecimal totalSpent = null;
        BigDecimal taxes = null;
        BigDecimal shippingCost = null;
        BigDecimal discountAmount = null;
        List<CodeValue> giftCodes = List.of();
        List<OrderLine> lines = new ArrayList<>();
        if (info != null) {
            orderId = OrderFields.numericOrderId(info, "orderId");
            // "points" in the table, "point" in the full spec's example.
            put(attributes, "points", info.has("points") || !info.has("point")
                    ? info.integer("points", -OrderFields.MAX_POINTS, OrderFields.MAX_POINTS)
                    : info.integer("point", -OrderFields.MAX_POINTS, OrderFields.MAX_POINTS));
            totalSpent = OrderFields.requiredAmount(info, "totalSpent");
            taxes = OrderFields.requiredAmount(info, "taxes");
            shippingCost = OrderFields.requiredAmount(info, "shippingCost");
            discountAmount = OrderFields.amount(info, "discountAmount");
            giftCodes = OrderFields.giftCodes(info, "giftCode");
            OrderStatus given = info.enumValue("status", OrderStatus.class);
            status = given == null ? OrderStatus.PAID : given;
            List<JsonFields> lineFields = info.objects("orderLines", OrderFields.MAX_LINES);
            if (lineFields != null) {
                for (JsonFields line : lineFields) {
                    if (line != null) {
                        lines.add(line(line));
                    }
                }
            }
        }
        return new CiblerOrderRequest(errors, apiKey, orderId, status, customerGuid, totalSpent, taxes,
                shippingCost, discountAmount, giftCodes, lines, attributes);
    }

    private static OrderLine line(JsonFields line) {
        String productId = OrderFields.requiredId(line, "productId", 200);
        String name = line.string("name", 500);
        Integer quantity = OrderFields.requiredQuantity(line, "quantity");
        String category = line.identifier("category", 200);
        String orderType = null;
        String givenType = OrderFields.requiredText(line, "orderType", 32);
        if (givenType != null) {
            orderType = ORDER_TYPES.stream().filter(t -> t.equalsIgnoreCase(givenType)).findFirst().orElse(null);
            if (orderType == null) {
                line.errors().add(line.path("orderType"), "must be Standard or Marketplace");
            }
        }
        BigDecimal unitPrice = OrderFields.requiredAmount(line, "unitPrice");
        String sellerId = line.identifier("sellerId", 200);
        return new OrderLine(productId, name, quantity, category, orderType, unitPrice, null, sellerId);
    }

    private static void put(Map<String, String> attributes, String name, Object value) {
        if (value != null) {
            attributes.put(name, value.toString());
        }
    }

    /** {@code orderContext.key} when it was sent as a non-blank string. */
    Optional<String> apiKey() {
        return Optional.ofNullable(apiKey);
    }

    /** The report for the authenticated store; 400 naming every offending field first. */
    OrderReport toReport(StoreCode store) {
        errors.throwIfAny();
        if (store == null) {
            throw ApiException.unauthorized();
        }
        return new OrderReport(store, orderId, OrderSource.CIBLER, status, customerGuid, null, totalSpent, taxes,
                shippingCost, discountAmount, giftCodes, lines, attributes);
    }
}
