package org.serverlessloyalty.shared.giftcode.dynamodb;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.DiscountType;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.bool;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.date;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.decimal;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.instant;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.integer;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.longValue;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putNumber;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putString;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putStrings;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.string;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.strings;

/**
 * GiftCode ⇄ item. {@code usedCount} is only ever changed by conditional updates (orders). Items
 * written before batches existed have no listing keys, no pending mark and no voidedAt: they read as
 * committed codes and are simply not listed (docs/dynamodb-design.md).
 */
final class GiftCodeItemMapper {

    static final String USED_COUNT = GiftCodeKeys.USED_COUNT;
    static final String BATCH_ID = "batchId";
    /** Present (true) while the code's batch may not have committed: readers then read the batch. */
    static final String PENDING = "pending";
    /** When the merchant voided the code; a use must hold {@code attribute_not_exists(voidedAt)}. */
    static final String VOIDED_AT = GiftCodeKeys.VOIDED_AT;

    private GiftCodeItemMapper() {
    }

    /**
     * The code's item, with its listing keys (gsi1: the store's codes; gsi2: its campaign's codes)
     * and, while pending, the TTL that lets DynamoDB remove it should its batch never commit.
     */
    static Map<String, AttributeValue> toItem(GiftCode code, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(GiftCodeKeys.code(code.store(), code.code()));
        GiftCodeTerms t = code.terms();
        item.put("type", AttributeValue.fromS("GIFT_CODE"));
        item.put(TableKeys.GSI1_PK, AttributeValue.fromS(GiftCodeKeys.storeCodesPartition(code.store())));
        item.put(TableKeys.GSI1_SK, AttributeValue.fromS(code.code().value()));
        if (t.campaignId() != null) {
            item.put(TableKeys.GSI2_PK, AttributeValue.fromS(GiftCodeKeys.campaignCodesPartition(code.store(), t.campaignId())));
            item.put(TableKeys.GSI2_SK, AttributeValue.fromS(code.code().value()));
        }
        if (code.pending()) {
            item.put(PENDING, AttributeValue.fromBool(true));
            item.put(TableKeys.TTL, AttributeValue.fromN(Long.toString(expiresAt.getEpochSecond())));
        }
        putString(item, VOIDED_AT, code.voidedAt() == null ? null : code.voidedAt().toString());
        putString(item, "store", code.store().value());
        putString(item, "code", code.code().value());
        putNumber(item, "value", t.value());
        putString(item, "discountType", t.discountType().name());
        putNumber(item, "threshold", t.threshold());
        item.put("combinable", AttributeValue.fromBool(t.combinable()));
        putString(item, "description", t.description());
        putString(item, "name", t.name());
        putString(item, "expirationDate", t.expirationDate() == null ? null : t.expirationDate().toString());
        putString(item, "activeFrom", t.activeFrom() == null ? null : t.activeFrom().toString());
        putNumber(item, "numberOfUsage", t.numberOfUsage());
        putNumber(item, "perCustomerLimit", t.perCustomerLimit());
        putStrings(item, "products", t.products());
        putStrings(item, "categories", t.categories());
        item.put("discountWholeCart", AttributeValue.fromBool(t.discountWholeCart()));
        putString(item, "campaignId", t.campaignId());
        if (t.user() != null) {
            Map<String, AttributeValue> user = new HashMap<>();
            putString(user, "email", t.user().email());
            putString(user, "customerGuid", t.user().customerGuid());
            item.put("user", AttributeValue.fromM(user));
        }
        putNumber(item, USED_COUNT, code.usedCount());
        putString(item, "createdAt", code.createdAt().toString());
        putString(item, BATCH_ID, code.batchId());
        return item;
    }

    static GiftCode fromItem(Map<String, AttributeValue> item) {
        AttributeValue user = item.get("user");
        GiftCodeTerms terms = new GiftCodeTerms(
                decimal(item, "value"),
                DiscountType.valueOf(string(item, "discountType")),
                decimal(item, "threshold"),
                bool(item, "combinable"),
                string(item, "description"),
                string(item, "name"),
                date(item, "expirationDate"),
                date(item, "activeFrom"),
                integer(item, "numberOfUsage"),
                integer(item, "perCustomerLimit"),
                strings(item, "products"),
                strings(item, "categories"),
                bool(item, "discountWholeCart"),
                string(item, "campaignId"),
                user == null || !user.hasM() ? null
                        : new GiftCodeTerms.CodeUser(string(user.m(), "email"), string(user.m(), "customerGuid")));
        return new GiftCode(
                new StoreCode(string(item, "store")),
                new CodeValue(string(item, "code")),
                terms,
                longValue(item, USED_COUNT),
                instant(item, "createdAt"),
                string(item, BATCH_ID),
                bool(item, PENDING),
                instant(item, VOIDED_AT));
    }
}
