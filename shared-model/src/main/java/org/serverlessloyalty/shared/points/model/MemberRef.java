package org.serverlessloyalty.shared.points.model;

import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * What the points ledger needs to know of a member (Open Loyalty's customer): who they are, whether they may
 * earn and spend now, and the names a transfer shows (rule P12's filters, the PointsTransfer object).
 *
 * @param memberId Open Loyalty's customerId: a UUID
 * @param status   Open Loyalty's customer status as the store settings name it ({@code active}, {@code inactive}, ...)
 */
public record MemberRef(StoreCode store, String memberId, String status, String email, String phone,
                        String loyaltyCardNumber, String firstName, String lastName) {
}
