package org.serverlessloyalty.shared.points.model;

import java.math.BigDecimal;

/**
 * Spend a member's points (B4).
 *
 * @param transaction with a {@code transactionId}, a return's revocation (rule P8): it takes whatever is available up
 *                    to {@code points} instead of refusing, and the member's status does not matter
 */
public record SpendPoints(String memberId, BigDecimal points, String comment, Issuer issuer, TransactionRef transaction) {

    public boolean isRevocation() {
        return transaction != null && transaction.transactionId() != null;
    }
}
