package org.serverlessloyalty.shared.order.model;

import java.math.BigDecimal;

/**
 * One line of an order, whichever API sent it: CibleR's {@code orderLines[]}, CitrusAd's
 * {@code orderItems[]} ({@code gtin} is the product id) or the beacon's parallel arrays.
 * {@code unitPrice} and {@code totalPrice} are in major units; either may be null.
 */
public record OrderLine(
        String productId,
        String name,
        Integer quantity,
        String category,
        String orderType,
        BigDecimal unitPrice,
        BigDecimal totalPrice,
        String sellerId) {
}
