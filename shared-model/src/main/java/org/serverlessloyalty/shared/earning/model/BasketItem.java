package org.serverlessloyalty.shared.earning.model;

import java.math.BigDecimal;
import java.util.List;
import org.serverlessloyalty.shared.points.model.Label;

/**
 * One line of a transaction as earning rules see it (rules E4-E8): {@code grossValue} is the line total, and
 * quantity never multiplies anything (E4), so it is not here.
 */
public record BasketItem(String sku, BigDecimal grossValue, String category, String maker, List<Label> labels) {

    public BasketItem {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
