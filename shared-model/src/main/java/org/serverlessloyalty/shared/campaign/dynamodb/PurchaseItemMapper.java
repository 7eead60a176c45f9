package org.serverlessloyalty.shared.campaign.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.bool;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.decimal;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.instant;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putNumber;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putString;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.string;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.DeliveryStatus;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A bought reward as an item: written by the purchase's transaction, read by every bought-reward list. */
public final class PurchaseItemMapper {

    static final String USED_AT = CampaignKeys.USED_AT;
    static final String USED_FOR = CampaignKeys.USED_FOR_TRANSACTION_ID;
    static final String DELIVERY_STATUS = "deliveryStatus";
    static final String CANCELLED = "cancelled";
    /**
     * issue 11, h11-bought: set on a reward with a code when its purchase writes it, removed once its coupon-created
     * event was handed over (delivery records written, message sent or left PENDING for the redrive). While set, the
     * reward is on the sparse gsi2 {@code {store}#REWARD_EVENTS_DUE}, so a crash between the purchase's commit and
     * the hand-over loses no event: the sweep finds it there (docs/campaigns.md "Coupon-created events").
     */
    public static final String COUPON_EVENT_DUE = "couponEventDue";

    private PurchaseItemMapper() {
    }

    public static Map<String, AttributeValue> toItem(StoreCode store, Purchase p) {
        Map<String, AttributeValue> item = new HashMap<>(CampaignKeys.purchase(store, p.memberId(), p.couponId()));
        item.put(TableKeys.GSI1_PK, AttributeValue.fromS(CampaignKeys.storeRewardsPartition(store)));
        item.put(TableKeys.GSI1_SK, AttributeValue.fromS(CampaignKeys.sortable(p.purchasedAt()) + "#" + p.couponId()));
        putString(item, "couponId", p.couponId());
        putString(item, "campaignId", p.campaignId().value());
        putString(item, "memberId", p.memberId());
        putString(item, CampaignKeys.CODE, p.code());
        putString(item, "reward", p.reward().wire());
        putString(item, "campaignName", p.campaignName());
        putString(item, "purchasedAt", p.purchasedAt().toString());
        putNumber(item, "costInPoints", p.costInPoints());
        putNumber(item, "taxPriceValue", p.taxPriceValue());
        putString(item, "activeSince", text(p.activeSince()));
        putString(item, "activeTo", text(p.activeTo()));
        item.put(CampaignKeys.USED, AttributeValue.fromBool(p.used()));
        putString(item, USED_AT, text(p.usedAt()));
        putString(item, USED_FOR, p.usedForTransactionId());
        putString(item, DELIVERY_STATUS, p.deliveryStatus().wire());
        putString(item, "transactionId", p.transactionId());
        putNumber(item, "balanceAfter", p.balanceAfter());
        putNumber(item, "rewardAmount", p.rewardAmount());
        item.put(CANCELLED, AttributeValue.fromBool(p.cancelled()));
        if (p.code() != null && !p.code().isEmpty()) {
            item.put(COUPON_EVENT_DUE, AttributeValue.fromBool(true));
            item.put(TableKeys.GSI2_PK, AttributeValue.fromS(CampaignKeys.rewardEventsDuePartition(store)));
            item.put(TableKeys.GSI2_SK, AttributeValue.fromS(CampaignKeys.sortable(p.purchasedAt()) + "#"
                    + p.couponId()));
        }
        return item;
    }

    public static Purchase fromItem(Map<String, AttributeValue> item) {
        return new Purchase(
                string(item, "couponId"),
                new CampaignId(string(item, "campaignId")),
                string(item, "memberId"),
                string(item, CampaignKeys.CODE),
                RewardType.fromWire(string(item, "reward")).orElseThrow(),
                string(item, "campaignName"),
                instant(item, "purchasedAt"),
                decimal(item, "costInPoints"),
                decimal(item, "taxPriceValue"),
                instant(item, "activeSince"),
                instant(item, "activeTo"),
                bool(item, CampaignKeys.USED),
                instant(item, USED_AT),
                string(item, USED_FOR),
                DeliveryStatus.fromWire(string(item, DELIVERY_STATUS)).orElse(DeliveryStatus.ORDERED),
                string(item, "transactionId"),
                decimal(item, "balanceAfter"),
                decimal(item, "rewardAmount"),
                bool(item, CANCELLED));
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
