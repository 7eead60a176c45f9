package org.serverlessloyalty.shared.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.model.CodeValue;
import org.serverlessloyalty.shared.model.GiftCode;
import org.serverlessloyalty.shared.model.StoreCode;

/** A store's gift codes and their usage counters. */
public interface GiftCodeRepository {

    /** The most codes {@link #insertIfAbsent} takes at once (one DynamoDB transaction). */
    int MAX_INSERT = 100;

    Optional<GiftCode> find(StoreCode store, CodeValue code);

    /**
     * Everything one validation needs, read in a single round trip: the code, the customer's uses
     * of it (0 when {@code customerGuid} is null) and the applied codes that exist in the store.
     */
    ValidationReads readForValidation(StoreCode store, CodeValue code, String customerGuid, List<CodeValue> appliedCodes);

    /** Which of {@code codes} the store already has. */
    List<CodeValue> existing(StoreCode store, Collection<CodeValue> codes);

    /**
     * Writes all of {@code codes} (at most {@link #MAX_INSERT}) tagged with {@code batchId}, or none.
     *
     * @return the codes that already existed; empty when everything was written
     */
    List<CodeValue> insertIfAbsent(StoreCode store, List<GiftCode> codes, String batchId);

    /** Removes codes written under {@code batchId} (undoing a partly written request); others are untouched. */
    void deleteBatch(StoreCode store, Collection<CodeValue> codes, String batchId);

    record ValidationReads(Optional<GiftCode> code, long customerUses, List<GiftCode> appliedCodes) {
    }
}
