package org.serverlessloyalty.shared.earning.model;

import java.time.Instant;
import java.util.List;

/** What earning rules see of a transaction (rule E1: its date and POS; E4-E9: its items). */
public record Basket(Instant purchaseDate, String pos, List<BasketItem> items) {

    public Basket {
        items = List.copyOf(items);
    }
}
