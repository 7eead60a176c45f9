package org.serverlessloyalty.shared.giftcode.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.TableKeys.key;

import java.util.Map;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where gift codes live, and the names of the code attributes other adapters' conditions rely on: an order
 * takes a code use in its own transaction (order.dynamodb), so it needs the code's key and counters.
 */
public final class GiftCodeKeys {

    /** Uses taken by orders, only ever changed by conditional updates. */
    public static final String USED_COUNT = "usedCount";
    /** The code's total uses (absent: unlimited). */
    public static final String NUMBER_OF_USAGE = "numberOfUsage";
    /** Set when the merchant voided the code; a use is taken only while it is absent. */
    public static final String VOIDED_AT = "voidedAt";
    /**
     * On a code a reward purchase created (issue 11): the member and the bought reward's coupon id, so the order that
     * uses the code marks that reward used in its own transaction ({@code CampaignKeys.purchase}).
     */
    public static final String REWARD_MEMBER_ID = "rewardMemberId";
    public static final String REWARD_COUPON_ID = "rewardCouponId";
    /** A shopper's uses of a code, on the {@link #customerUses} item. */
    public static final String CUSTOMER_USES = "uses";

    static final String CODE_SK = "CODE";
    static final String CUSTOMER_SK_PREFIX = "CUSTOMER#";
    static final String BATCH_SK = "BATCH";
    static final String CHUNK_SK_PREFIX = "CHUNK#";

    private GiftCodeKeys() {
    }

    public static Map<String, AttributeValue> code(StoreCode store, CodeValue code) {
        return key(codePartition(store, code), CODE_SK);
    }

    /** How often one customer used one code: same partition as the code, so both read together. */
    public static Map<String, AttributeValue> customerUses(StoreCode store, CodeValue code, String customerGuid) {
        return key(codePartition(store, code), CUSTOMER_SK_PREFIX + customerGuid);
    }

    /** A creation request's record: its status is the commit point of all its codes. */
    public static Map<String, AttributeValue> batch(StoreCode store, String batchId) {
        return key(batchPartition(store, batchId), BATCH_SK);
    }

    /** The codes one chunk write of a batch put in the table, in the batch's partition (read back in order). */
    public static Map<String, AttributeValue> batchChunk(StoreCode store, String batchId, int index) {
        return key(batchPartition(store, batchId), chunkSk(index));
    }

    static String chunkSk(int index) {
        return CHUNK_SK_PREFIX + String.format("%06d", index);
    }

    static String batchPartition(StoreCode store, String batchId) {
        return store.value() + "#BATCH#" + batchId;
    }

    /** gsi1: every code of a store, in code order (listing, prefix filter as a key condition). */
    static String storeCodesPartition(StoreCode store) {
        return store.value() + "#CODES";
    }

    /** gsi2: the codes of one campaign of a store, in code order; only codes with a campaignId are there. */
    static String campaignCodesPartition(StoreCode store, String campaignId) {
        return store.value() + "#CAMPAIGN#" + campaignId + "#CODES";
    }

    static String codePartition(StoreCode store, CodeValue code) {
        return store.value() + "#CODE#" + code.value();
    }
}
