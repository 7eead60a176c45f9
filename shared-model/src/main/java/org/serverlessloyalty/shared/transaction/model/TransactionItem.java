package org.serverlessloyalty.shared.transaction.model;

import java.math.BigDecimal;
import java.util.List;
import org.serverlessloyalty.shared.earning.model.BasketItem;
import org.serverlessloyalty.shared.points.model.Label;

/**
 * One line of a transaction (T-1's {@code transaction[items][i]}): {@code grossValue} is the line total, negative
 * on a return (rule T3).
 */
public record TransactionItem(String sku, String name, BigDecimal quantity, BigDecimal grossValue, String category,
                              String maker, List<Label> labels) {

    public TransactionItem {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public BasketItem toBasketItem() {
        return new BasketItem(sku, grossValue, category, maker, labels);
    }
}
