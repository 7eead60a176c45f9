package org.serverlessloyalty.shared.giftcode.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * One creation request of codes (listed or generated) and how far it got. Its codes are written
 * in chunks marked pending; the conditional change to {@link BatchStatus#COMPLETE} is the commit
 * point; then the marks are cleared ({@code finished}). Only the holder of the current
 * {@code lease} may write chunks or commit, so a writer presumed dead can never add codes after
 * another took over.
 *
 * @param requestHash   SHA-256 of the request body: the same Idempotency-Key with another body is refused
 * @param written       codes written so far (all chunks)
 * @param chunks        chunk records written so far; chunk {@code i} lists the codes of the i-th write
 * @param lease         the current writer's token; null once COMPLETE or ABANDONED
 * @param leaseUntil    when the writer is presumed dead unless it renews (every chunk renews)
 * @param finished      COMPLETE and every pending mark cleared: readers need no batch read any more
 * @param eventsEmitted the coupon-created events of its codes were handed to the webhook
 * @param cleaned       ABANDONED and its codes deleted: the same key may start it again
 */
public record GiftCodeBatch(StoreCode store, String id, BatchStatus status, Mode mode, int count, int written,
                            int chunks, String requestHash, String lease, Instant leaseUntil, Instant createdAt,
                            Instant committedAt, boolean finished, boolean eventsEmitted, boolean cleaned,
                            Instant voidedAt) {

    public enum Mode { LISTED, GENERATED }

    /** Batch ids are path segments and key parts: lower-case letters, digits and dashes only. */
    public static final String ID_PATTERN = "[0-9a-z-]{1,64}";

    /** A fresh batch, being written under {@code lease}. */
    public static GiftCodeBatch pending(StoreCode store, String id, Mode mode, int count, String requestHash,
                                        String lease, Instant leaseUntil, Instant now) {
        return new GiftCodeBatch(store, id, BatchStatus.PENDING, mode, count, 0, 0, requestHash, lease, leaseUntil,
                now, null, false, false, false, null);
    }

    /** A batch written in one transaction: committed and finished the moment it exists. */
    public static GiftCodeBatch completeAtOnce(StoreCode store, String id, Mode mode, int count, String requestHash,
                                               Instant now) {
        return new GiftCodeBatch(store, id, BatchStatus.COMPLETE, mode, count, count, 1, requestHash, null, null,
                now, now, true, false, false, null);
    }

    /** The batch of a request without an Idempotency-Key: nobody can ask for it again. */
    public static String randomId() {
        return UUID.randomUUID().toString();
    }

    /**
     * The batch of a request with an Idempotency-Key: the same key on the same store always names
     * the same batch, so a retry finds the first attempt with one GetItem and no key index.
     */
    public static String idFor(StoreCode store, IdempotencyKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((store.value() + "\n" + key.value()).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("k-");
            for (int i = 0; i < 16; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public boolean leaseLive(Instant now) {
        return leaseUntil != null && leaseUntil.isAfter(now);
    }
}
