package org.serverlessloyalty.shared.model;

import java.time.Instant;

/** A code of one store, its terms and how many times orders have used it. */
public record GiftCode(StoreCode store, CodeValue code, GiftCodeTerms terms, long usedCount, Instant createdAt) {

    public boolean usageExhausted() {
        return terms.numberOfUsage() != null && usedCount >= terms.numberOfUsage();
    }
}
