package org.serverlessloyalty.shared.campaign.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.TableKeys.key;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where reward campaigns, their pools, counters and bought rewards live (docs/dynamodb-design.md "Reward campaigns"),
 * and the attribute names other adapters' conditions rely on: an order that uses a reward's code marks the reward
 * used in the order's own transaction, so it needs the reward's key.
 */
public final class CampaignKeys {

    /** On the campaign item: coupons issued for ever (C18); only purchases change it, conditionally. */
    public static final String ISSUED = "issued";
    /** On the campaign item: pool codes never issued (C24's free); pool loads add, multi-code purchases take. */
    public static final String FREE = "free";
    /** On the campaign item: distinct members with a coupon ({@code usersWhoUsedThisCampaignCount}). */
    public static final String BUYERS = "buyers";
    /** On the campaign item: the definition's version, bumped by every change of it ({@code Campaign.version}). */
    public static final String VERSION = "version";
    /** On a member's usage item: that member's coupons of the campaign, for ever (limitPerUser, C18). */
    public static final String MEMBER_ISSUED = "issued";
    /** On a free pool code item: the code. */
    public static final String CODE = "code";
    /** On a bought reward: whether it was used (mark_as_used, or an order used its code). */
    public static final String USED = "used";
    /** On a bought reward: when it was used (mark_as_used, or the order that used its code). */
    public static final String USED_AT = "usedAt";
    /** On a bought reward: the transaction or order it was used for. */
    public static final String USED_FOR_TRANSACTION_ID = "usedForTransactionId";

    static final String CAMPAIGN_SK = "CAMPAIGN";
    static final String FREE_SK_PREFIX = "FREE#";
    static final String POOL_CODE_SK_PREFIX = "CODE#";
    static final String MEMBER_SK_PREFIX = "MEMBER#";
    static final String CATEGORY_SK = "CATEGORY";
    static final String PHOTO_SK_PREFIX = "PHOTO#";

    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private CampaignKeys() {
    }

    /** The campaign's definition and counters; gsi1 lists the store's campaigns oldest first. */
    public static Map<String, AttributeValue> campaign(StoreCode store, CampaignId id) {
        return key(campaignPartition(store, id), CAMPAIGN_SK);
    }

    /** A member's usage of a campaign: how many coupons of it they got (limitPerUser). */
    public static Map<String, AttributeValue> memberUsage(StoreCode store, CampaignId id, String memberId) {
        return key(campaignPartition(store, id), MEMBER_SK_PREFIX + memberId);
    }

    /**
     * A pool code not issued yet, at its place in pool order (C19: first free code first); the purchase that issues it
     * deletes it, on condition that it still exists, so no code is ever handed out twice.
     */
    public static Map<String, AttributeValue> freeCode(StoreCode store, CampaignId id, long seq) {
        return key(poolPartition(store, id), freeSk(seq));
    }

    /** Every code ever put in the pool, by code: duplicates are refused (section 4 item 16) and issued codes kept. */
    public static Map<String, AttributeValue> poolCode(StoreCode store, CampaignId id, String code) {
        return key(poolPartition(store, id), POOL_CODE_SK_PREFIX + code);
    }

    /** One bought reward, in its member's rewards partition: the member's list is one strongly consistent Query. */
    public static Map<String, AttributeValue> purchase(StoreCode store, String memberId, String couponId) {
        return key(memberRewardsPartition(store, memberId), couponId);
    }

    public static Map<String, AttributeValue> category(StoreCode store, String categoryId) {
        return key(store.value() + "#CAMPAIGN_CATEGORY#" + categoryId, CATEGORY_SK);
    }

    /** A photo's record (the image itself is an S3 object), in the campaign's partition. */
    public static Map<String, AttributeValue> photo(StoreCode store, CampaignId id, String photoId) {
        return key(campaignPartition(store, id), PHOTO_SK_PREFIX + photoId);
    }

    /**
     * issue 11 (media): the campaign's brand icon record, beside its photos' records (one Query of {@code PHOTO#}
     * reads both); photo ids are lower-case UUIDs, so no photo's key is this one.
     */
    public static Map<String, AttributeValue> brandIcon(StoreCode store, CampaignId id) {
        return key(campaignPartition(store, id), BRAND_ICON_SK);
    }

    static final String BRAND_ICON_SK = PHOTO_SK_PREFIX + "BRAND_ICON";

    static String campaignPartition(StoreCode store, CampaignId id) {
        return store.value() + "#CAMPAIGN#" + id.value();
    }

    static String poolPartition(StoreCode store, CampaignId id) {
        return campaignPartition(store, id) + "#POOL";
    }

    static String freeSk(long seq) {
        return FREE_SK_PREFIX + String.format("%010d", seq);
    }

    static String memberRewardsPartition(StoreCode store, String memberId) {
        return store.value() + "#MEMBER#" + memberId + "#REWARDS";
    }

    /** gsi1: the store's campaigns, oldest first. */
    static String storeCampaignsPartition(StoreCode store) {
        return store.value() + "#CAMPAIGNS";
    }

    /** gsi1: the store's bought rewards in purchase order (A7 list, A8 export). */
    static String storeRewardsPartition(StoreCode store) {
        return store.value() + "#REWARDS";
    }

    /** gsi2 (sparse): the store's bought rewards whose coupon-created event was not handed over yet (h11-bought). */
    static String rewardEventsDuePartition(StoreCode store) {
        return store.value() + "#REWARD_EVENTS_DUE";
    }

    /** gsi1: the store's campaign categories. */
    static String storeCategoriesPartition(StoreCode store) {
        return store.value() + "#CAMPAIGN_CATEGORIES";
    }

    static String sortable(Instant at) {
        return SORTABLE.format(at);
    }
}
