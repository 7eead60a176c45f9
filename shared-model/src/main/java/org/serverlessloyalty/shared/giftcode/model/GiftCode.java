package org.serverlessloyalty.shared.giftcode.model;

import java.time.Instant;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * A code of one store, its terms and how many times orders have used it.
 *
 * @param batchId   the creation request (batch) that wrote it; null for codes written before batches existed
 * @param pending   written by a request that had not committed when it was written: the code counts only
 *                  once its batch is {@link BatchStatus#COMPLETE} (the batch record says, not this item)
 * @param voidedAt  when the merchant voided it; null while it is not voided
 */
public record GiftCode(StoreCode store, CodeValue code, GiftCodeTerms terms, long usedCount, Instant createdAt,
                       String batchId, boolean pending, Instant voidedAt) {

    /** A committed, never voided code outside any batch (fixtures and older items). */
    public GiftCode(StoreCode store, CodeValue code, GiftCodeTerms terms, long usedCount, Instant createdAt) {
        this(store, code, terms, usedCount, createdAt, null, false, null);
    }

    public boolean usageExhausted() {
        return terms.numberOfUsage() != null && usedCount >= terms.numberOfUsage();
    }

    public boolean voided() {
        return voidedAt != null;
    }

    public GiftCode inBatch(String batch, boolean pendingMark) {
        return new GiftCode(store, code, terms, usedCount, createdAt, batch, pendingMark, voidedAt);
    }
}
