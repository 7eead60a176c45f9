package org.serverlessloyalty.shared.order.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.serverlessloyalty.shared.order.model.OrderLine;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.transaction.model.CustomerData;
import org.serverlessloyalty.shared.transaction.model.DocumentType;
import org.serverlessloyalty.shared.transaction.model.Transaction;
import org.serverlessloyalty.shared.transaction.model.TransactionItem;

/**
 * How an applied order becomes a sell transaction (issue 10, "Orders earn points"): pure, so every delivery of the
 * same order maps to the same transaction.
 */
public final class OrderTransactions {

    /** The SKU of the one line of an order reported without lines (its {@code totalSpent}). */
    public static final String WHOLE_ORDER_SKU = "order";
    static final String UNKNOWN = "unknown";

    private OrderTransactions() {
    }

    /**
     * The transaction's document number: the source and id of the order's first trusted report
     * ({@code CIBLER-1234}), the ledger's stored report, so the same order reported through a second endpoint is
     * the same document, and a beacon report that earned (setting {@code beaconEarns}) {@code BEACON-1234}.
     */
    public static String documentNumber(OrderSource source, String orderId) {
        return source.name() + "-" + orderId;
    }

    /** Whether the report names a shopper a member can be found or enrolled for. */
    public static boolean identifiable(OrderReport report) {
        return present(report.customerGuid()) || present(report.attributes().get("email"))
                || present(report.attributes().get("phone"));
    }

    /** CibleR's {@code orderInformation.points}: the points the shop grants for the order, if it said. */
    public static Optional<BigDecimal> reportedPoints(OrderReport report) {
        return Optional.ofNullable(report.attributes().get("points")).map(BigDecimal::new);
    }

    /** CibleR's {@code orderContext.userBalance}: the shop's own count of the shopper's points, if it said. */
    public static Optional<BigDecimal> reportedBalance(OrderReport report) {
        return Optional.ofNullable(report.attributes().get("userBalance")).map(BigDecimal::new);
    }

    /**
     * The draft of the order's sell transaction: one item per line ({@code totalPrice}, else unit price times
     * quantity), or one item {@link #WHOLE_ORDER_SKU} of {@code totalSpent} when the report has no priced line; the
     * shopper's id as {@code externalId} (matched first, T4) and their e-mail and phone as customer data.
     */
    public static Transaction draft(OrderReport report, String documentNumber, Instant now) {
        List<TransactionItem> items = new ArrayList<>();
        for (OrderLine line : report.lines()) {
            BigDecimal gross = line.totalPrice() != null ? line.totalPrice()
                    : line.unitPrice() != null ? line.unitPrice().multiply(BigDecimal.valueOf(
                            line.quantity() == null ? 1 : line.quantity())) : null;
            if (gross != null) {
                items.add(new TransactionItem(orUnknown(line.productId()), orUnknown(line.name()),
                        BigDecimal.valueOf(line.quantity() == null ? 1 : line.quantity()), gross,
                        orUnknown(line.category()), line.sellerId(), List.of()));
            }
        }
        if (items.isEmpty()) {
            items.add(new TransactionItem(WHOLE_ORDER_SKU, "Order " + report.orderId(), BigDecimal.ONE,
                    report.totalSpent() == null ? BigDecimal.ZERO : report.totalSpent(), WHOLE_ORDER_SKU, null,
                    List.of()));
        }
        CustomerData customer = new CustomerData(report.customerGuid(), lower(report.attributes().get("email")),
                report.attributes().get("phone"), null, null, null);
        Instant purchased = report.orderDate() == null ? now : report.orderDate().toInstant();
        return new Transaction(null, documentNumber, DocumentType.SELL, purchased, null, null, null, items, customer,
                report.customerGuid(), report.source().name().toLowerCase(Locale.ROOT), List.of(), null, null, null,
                now);
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static String orUnknown(String text) {
        return present(text) ? text : UNKNOWN;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
