package org.serverlessloyalty.shared.earning.model;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What earning rules see of a transaction (rule E1: its date and POS; E4-E9: its items).
 *
 * @param deliverySkus the store's delivery SKUs (setting {@code excludedDeliverySKUs}), left out of a spending rule's
 *                     total and items when the rule excludes delivery costs (E5)
 */
public record Basket(Instant purchaseDate, String pos, List<BasketItem> items, Set<String> deliverySkus) {

    public Basket {
        items = List.copyOf(items);
        deliverySkus = Set.copyOf(deliverySkus);
    }
}
