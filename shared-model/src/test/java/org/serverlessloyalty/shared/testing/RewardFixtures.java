package org.serverlessloyalty.shared.testing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.serverlessloyalty.shared.campaign.dynamodb.PurchaseItemMapper;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.DeliveryStatus;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeKeys;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.DiscountType;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.giftcode.rules.CodeGenerator;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeCatalog;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Bought rewards written straight into the table, as a purchase's transaction writes them: the reward item
 * ({@link PurchaseItemMapper}) and its single-use, personal gift code carrying the reward's reference
 * ({@code GiftCodeKeys.REWARD_*}). The bought-reward tests use it to stand independent of the buying code.
 */
public final class RewardFixtures {

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final GiftCodeCatalog catalog;

    public RewardFixtures(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.catalog = new GiftCodeCatalog(new DynamoDbGiftCodeRepository(dynamoDb, table), new CodeGenerator(),
                Clock.systemUTC());
    }

    /** A reward bought at {@code purchasedAt}, usable from {@code activeSince} (null: at once) until {@code activeTo}. */
    public static Purchase purchase(String memberId, CampaignId campaign, String code, Instant purchasedAt,
                                    Instant activeSince, Instant activeTo) {
        return new Purchase(UUID.randomUUID().toString(), campaign, memberId, code, RewardType.DISCOUNT_CODE,
                "Ten off", purchasedAt, new BigDecimal("100"), null, activeSince, activeTo, false, null, null,
                DeliveryStatus.ORDERED, null, new BigDecimal("50"), null, false);
    }

    /** Writes the reward and, when it has a code, its gift code worth 10 (single use, personal to the member). */
    public Purchase write(StoreCode store, Purchase purchase) {
        dynamoDb.putItem(b -> b.tableName(table).item(PurchaseItemMapper.toItem(store, purchase)));
        if (purchase.code() != null && !purchase.code().isEmpty()) {
            CodeValue code = CodeValue.of(purchase.code());
            catalog.createListed(store, Map.of(code, new GiftCodeTerms(new BigDecimal("10"), DiscountType.VALUE, null,
                    true, purchase.campaignName(), purchase.campaignName(), null, null, 1, null, List.of(), List.of(),
                    true, purchase.campaignId().value(),
                    new GiftCodeTerms.CodeUser(null, purchase.memberId()))));
            dynamoDb.updateItem(b -> b.tableName(table).key(GiftCodeKeys.code(store, code))
                    .updateExpression("SET #m = :m, #c = :c")
                    .expressionAttributeNames(Map.of("#m", GiftCodeKeys.REWARD_MEMBER_ID,
                            "#c", GiftCodeKeys.REWARD_COUPON_ID))
                    .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(purchase.memberId()),
                            ":c", AttributeValue.fromS(purchase.couponId()))));
        }
        return purchase;
    }

    public long usedCount(StoreCode store, String code) {
        return catalog.find(store, CodeValue.of(code)).orElseThrow().usedCount();
    }
}
