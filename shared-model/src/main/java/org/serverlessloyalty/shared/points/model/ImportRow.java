package org.serverlessloyalty.shared.points.model;

import java.math.BigDecimal;

/**
 * One row of a points import (B8): an add or a spend, as a CSV line or a JSON object gives it.
 *
 * @param identifier what the import's answer names the row by (Open Loyalty: {@code "<customer>/(adding 15)"})
 * @param type       {@link TransferType#ADDING} or {@link TransferType#SPENDING}
 */
public record ImportRow(String identifier, TransferType type, String memberId, BigDecimal points, String comment) {

    public ImportRow {
        if (type != TransferType.ADDING && type != TransferType.SPENDING) {
            throw new IllegalArgumentException("an import row adds or spends");
        }
    }
}
