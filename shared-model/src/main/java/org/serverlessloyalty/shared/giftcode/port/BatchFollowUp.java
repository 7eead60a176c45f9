package org.serverlessloyalty.shared.giftcode.port;

import java.time.Duration;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Asks for a later look at a batch of codes (a delayed message on AWS), sent before the batch's
 * first write: whatever happens to the writer (a crash, a timeout), the batch is then finished if
 * it committed, or given up and its pending codes deleted if it did not.
 */
public interface BatchFollowUp {

    /** Longest delay SQS allows on a message. */
    Duration MAX_DELAY = Duration.ofMinutes(15);

    void checkLater(StoreCode store, String batchId, Duration delay);

    /** No follow-up (tests and setups without the batch queue): a crashed batch waits for its own retry or its TTL. */
    BatchFollowUp NONE = (store, batchId, delay) -> { };
}
