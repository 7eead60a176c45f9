package org.serverlessloyalty.shared.campaign.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.campaign.model.PayoutResult;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Where the cashback provider callback (A24) reads and writes: the store's callback secret and the payout results. */
public interface CashbackPayouts {

    /** The store's callback secret (32 bytes), absent until the store admin makes one. Strongly consistent. */
    Optional<byte[]> secret(StoreCode store);

    /** Replaces (or makes) the store's secret; answers its new version. The previous one stops working at once. */
    long rotate(StoreCode store, byte[] secret, Instant now);

    /** A member's cashback reward and the result recorded on it so far. */
    record Payout(Purchase reward, Optional<PayoutResult> result) {
    }

    /** The reward {@code couponId} of the member, when it is a cashback reward. Strongly consistent. */
    Optional<Payout> cashback(StoreCode store, String memberId, String couponId);

    /** What a {@link #record} came to. */
    enum Recorded {
        /** This result is now the reward's (and the refund, if any, was written with it). */
        RECORDED,
        /** The reward already holds a final result (or this pending one): nothing was written. */
        ALREADY_SETTLED,
        /** A concurrent write of the same items: nothing was written; read and decide again. */
        CONTENDED
    }

    /**
     * Records {@code result} on the reward, only while it holds no final result (a pending one may be settled), in
     * ONE transaction with {@code refund} (the ledger's steps giving the points back; empty unless the payout failed):
     * a replayed or concurrent callback can neither record a second result nor give the points back twice.
     */
    Recorded record(StoreCode store, Purchase reward, PayoutResult result, List<LedgerStep> refund);
}
