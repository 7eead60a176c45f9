package org.serverlessloyalty.shared.giftcode.dynamodb;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Gift codes written by another domain's transaction: a reward purchase (issue 11) makes each coupon it hands out a
 * committed code of the store in the purchase's own transaction, so the code validates at checkout the moment the
 * purchase answers, and exists only if the purchase does (docs/campaigns.md "Coupons are gift codes").
 */
public final class GiftCodeWrites {

    private static final Set<String> KEYS = Set.of(TableKeys.PK, TableKeys.SK);

    private GiftCodeWrites() {
    }

    /**
     * A new code personal to the reward that grants it ({@link GiftCodeKeys#REWARD_MEMBER_ID}, {@link
     * GiftCodeKeys#REWARD_COUPON_ID}: the order that uses it marks that reward used), only if the store has no code
     * of that value yet: a pool code equal to an existing code of the store is never overwritten.
     */
    public static TransactWriteItem issue(String table, GiftCode code, String rewardMemberId, String rewardCouponId) {
        Map<String, AttributeValue> item = GiftCodeItemMapper.toItem(code.inBatch(null, false), null);
        item.put(GiftCodeKeys.REWARD_MEMBER_ID, AttributeValue.fromS(rewardMemberId));
        item.put(GiftCodeKeys.REWARD_COUPON_ID, AttributeValue.fromS(rewardCouponId));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
    }

    /**
     * A code shared by every buyer (a single-coupon campaign, C19): written by the first purchase, left as it is by
     * the next ones (each attribute set only where absent, so the uses orders took are never reset). It names no
     * reward: many rewards share it.
     */
    public static TransactWriteItem share(String table, GiftCode code) {
        Map<String, AttributeValue> item = GiftCodeItemMapper.toItem(code.inBatch(null, false), null);
        StringBuilder set = new StringBuilder();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            if (KEYS.contains(e.getKey())) {
                continue;
            }
            set.append(set.isEmpty() ? "SET " : ", ").append("#a").append(i).append(" = if_not_exists(#a").append(i)
                    .append(", :v").append(i).append(")");
            names.put("#a" + i, e.getKey());
            values.put(":v" + i, e.getValue());
            i++;
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(GiftCodeKeys.code(code.store(), code.code()))
                .updateExpression(set.toString()).expressionAttributeNames(names).expressionAttributeValues(values)
                .build()).build();
    }
}
