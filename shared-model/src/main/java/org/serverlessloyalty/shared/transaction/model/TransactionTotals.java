package org.serverlessloyalty.shared.transaction.model;

import java.math.BigDecimal;

/**
 * A member's purchase aggregates (rule T6) as levels by transactions need them (L4).
 *
 * @param count                     sells, less each sell its returns fully offset
 * @param amount                    sells less the returns linked to them, floored at 0
 * @param amountWithoutDeliveryCost the same without the store's delivery SKUs
 */
public record TransactionTotals(long count, BigDecimal amount, BigDecimal amountWithoutDeliveryCost) {

    public static final TransactionTotals NONE = new TransactionTotals(0, BigDecimal.ZERO, BigDecimal.ZERO);
}
