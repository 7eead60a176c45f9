package org.serverlessloyalty.shared.order.dynamodb;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.order.model.OrderLine;
import org.serverlessloyalty.shared.order.model.OrderRecord;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.order.model.Redemption;
import org.serverlessloyalty.shared.platform.dynamodb.Attributes;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.bool;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.decimal;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putNumber;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putString;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.string;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.strings;

/** Order, beacon report and redemption ⇄ items. */
final class OrderItemMapper {

    static final String STATUS = "status";

    private OrderItemMapper() {
    }

    static Map<String, AttributeValue> orderItem(OrderReport r, String contentHash, Instant now) {
        return reportItem(OrderKeys.order(r.store(), r.orderId()), "ORDER", r, contentHash, now);
    }

    /** The beacon's report: the same attributes as an order, under its own sort key. */
    static Map<String, AttributeValue> beaconItem(OrderReport r, String contentHash, Instant now) {
        return reportItem(OrderKeys.beaconReport(r.store(), r.orderId()), "BEACON_REPORT", r, contentHash, now);
    }

    private static Map<String, AttributeValue> reportItem(Map<String, AttributeValue> key, String type, OrderReport r,
                                                          String contentHash, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("type", AttributeValue.fromS(type));
        putString(item, "store", r.store().value());
        putString(item, "orderId", r.orderId());
        putString(item, "source", r.source().name());
        putString(item, STATUS, r.status().name());
        putString(item, "customerGuid", r.customerGuid());
        putString(item, "orderDate", r.orderDate() == null ? null : r.orderDate().toString());
        putNumber(item, "totalSpent", r.totalSpent());
        putNumber(item, "taxes", r.taxes());
        putNumber(item, "shippingCost", r.shippingCost());
        putNumber(item, "discountAmount", r.discountAmount());
        Attributes.putStrings(item, "giftCodes", r.giftCodes().stream().map(CodeValue::value).toList());
        if (!r.lines().isEmpty()) {
            List<AttributeValue> lines = new ArrayList<>();
            for (OrderLine line : r.lines()) {
                Map<String, AttributeValue> l = new HashMap<>();
                putString(l, "productId", line.productId());
                putString(l, "name", line.name());
                putNumber(l, "quantity", line.quantity());
                putString(l, "category", line.category());
                putString(l, "orderType", line.orderType());
                putNumber(l, "unitPrice", line.unitPrice());
                putNumber(l, "totalPrice", line.totalPrice());
                putString(l, "sellerId", line.sellerId());
                lines.add(AttributeValue.fromM(l));
            }
            item.put("lines", AttributeValue.fromL(lines));
        }
        if (!r.attributes().isEmpty()) {
            Map<String, AttributeValue> attributes = new HashMap<>();
            r.attributes().forEach((k, v) -> attributes.put(k, AttributeValue.fromS(v)));
            item.put("attributes", AttributeValue.fromM(attributes));
        }
        putString(item, "contentHash", contentHash);
        putString(item, "appliedAt", now.toString());
        putString(item, "updatedAt", now.toString());
        return item;
    }

    static OrderReport report(Map<String, AttributeValue> item) {
        List<OrderLine> lines = new ArrayList<>();
        AttributeValue rawLines = item.get("lines");
        if (rawLines != null && rawLines.hasL()) {
            for (AttributeValue l : rawLines.l()) {
                Map<String, AttributeValue> m = l.m();
                lines.add(new OrderLine(string(m, "productId"), string(m, "name"), Attributes.integer(m, "quantity"),
                        string(m, "category"), string(m, "orderType"), decimal(m, "unitPrice"), decimal(m, "totalPrice"),
                        string(m, "sellerId")));
            }
        }
        Map<String, String> attributes = new HashMap<>();
        AttributeValue rawAttributes = item.get("attributes");
        if (rawAttributes != null && rawAttributes.hasM()) {
            rawAttributes.m().forEach((k, v) -> attributes.put(k, v.s()));
        }
        String orderDate = string(item, "orderDate");
        return new OrderReport(
                new StoreCode(string(item, "store")),
                string(item, "orderId"),
                OrderSource.valueOf(string(item, "source")),
                OrderStatus.valueOf(string(item, STATUS)),
                string(item, "customerGuid"),
                orderDate == null ? null : OffsetDateTime.parse(orderDate),
                decimal(item, "totalSpent"),
                decimal(item, "taxes"),
                decimal(item, "shippingCost"),
                decimal(item, "discountAmount"),
                strings(item, "giftCodes").stream().map(CodeValue::new).toList(),
                lines,
                attributes);
    }

    /** An order or beacon item as the domain reads it back. */
    static OrderRecord.Stored stored(Map<String, AttributeValue> item) {
        return new OrderRecord.Stored(report(item), string(item, "contentHash"), Attributes.instant(item, "appliedAt"),
                Attributes.instant(item, "updatedAt"));
    }

    static Map<String, AttributeValue> redemptionItem(StoreCode store, String orderId, Redemption r, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(OrderKeys.redemption(store, orderId, r.code()));
        item.put("type", AttributeValue.fromS("REDEMPTION"));
        putString(item, "code", r.code().value());
        putString(item, "outcome", r.outcome().name());
        putString(item, "reason", r.reason() == null ? null : r.reason().name());
        item.put("customerCounted", AttributeValue.fromBool(r.customerCounted()));
        putString(item, "updatedAt", now.toString());
        return item;
    }

    static Redemption redemption(Map<String, AttributeValue> item) {
        String reason = string(item, "reason");
        return new Redemption(new CodeValue(string(item, "code")),
                Redemption.Outcome.valueOf(string(item, "outcome")),
                reason == null ? null : ValidationReason.valueOf(reason),
                bool(item, "customerCounted"));
    }
}
