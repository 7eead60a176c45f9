package org.serverlessloyalty.shared.giftcode.model;

import java.math.BigDecimal;
import java.util.List;

/** The shopper's cart at checkout; {@code totalMinorUnits} as the CibleR spec sends it (132600 = 1,326.00). */
public record Cart(long totalMinorUnits, List<Item> items) {

    public Cart {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public record Item(String name, String productId, String category, Integer quantity, BigDecimal unitPrice) {
    }
}
