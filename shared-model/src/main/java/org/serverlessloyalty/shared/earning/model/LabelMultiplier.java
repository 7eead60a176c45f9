package org.serverlessloyalty.shared.earning.model;

import java.math.BigDecimal;

/** One {@code labelMultipliers[i]} of a multiply_by_product_labels rule (E7): key and value must both match. */
public record LabelMultiplier(String key, String value, BigDecimal multiplier) {
}
