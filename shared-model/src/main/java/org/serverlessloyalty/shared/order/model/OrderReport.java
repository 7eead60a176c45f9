package org.serverlessloyalty.shared.order.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * An order as a storefront reported it, in one shape for every API. This is the SQS message body
 * (OrderReportJson) and what the consumer applies. Money is in the store currency's major units.
 *
 * @param customerGuid the shopper (CibleR {@code orderContext.customerGuid}, CitrusAd {@code customerId});
 *                     with the store it is the SQS message group, so one shopper's orders apply in order
 * @param giftCodes    this engine's codes the order used (empty for CitrusAd and the beacon)
 * @param attributes   the source's other fields kept for the record (email, cookieId, sessionId, catalogId, ...)
 */
public record OrderReport(
        StoreCode store,
        String orderId,
        OrderSource source,
        OrderStatus status,
        String customerGuid,
        OffsetDateTime orderDate,
        BigDecimal totalSpent,
        BigDecimal taxes,
        BigDecimal shippingCost,
        BigDecimal discountAmount,
        List<CodeValue> giftCodes,
        List<OrderLine> lines,
        java.util.Map<String, String> attributes) {

    public OrderReport {
        giftCodes = giftCodes == null ? List.of() : List.copyOf(giftCodes);
        lines = lines == null ? List.of() : List.copyOf(lines);
        attributes = attributes == null ? java.util.Map.of() : java.util.Map.copyOf(attributes);
    }
}
