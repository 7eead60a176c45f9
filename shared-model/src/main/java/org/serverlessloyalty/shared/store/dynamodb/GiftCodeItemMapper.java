package org.serverlessloyalty.shared.store.dynamodb;

import java.util.HashMap;
import java.util.Map;
import org.serverlessloyalty.shared.model.CodeValue;
import org.serverlessloyalty.shared.model.DiscountType;
import org.serverlessloyalty.shared.model.GiftCode;
import org.serverlessloyalty.shared.model.GiftCodeTerms;
import org.serverlessloyalty.shared.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.serverlessloyalty.shared.store.dynamodb.Attributes.bool;
import static org.serverlessloyalty.shared.store.dynamodb.Attributes.date;
import static org.serverlessloyalty.shared.store.dynamodb.Attributes.decimal;
import static org.serverlessloyalty.shared.store.dynamodb.Attributes.instant;
import static org.serverlessloyalty.shared.store.dynamodb.Attributes.integer;
import static org.serverlessloyalty.shared.store.dynamodb.Attributes.longValue;
import static org.serverlessloyalty.shared.store.dynamodb.Attributes.putNumber;
import static org.serverlessloyalty.shared.store.dynamodb.Attributes.putString;
import static org.serverlessloyalty.shared.store.dynamodb.Attributes.putStrings;
import static org.serverlessloyalty.shared.store.dynamodb.Attributes.string;
import static org.serverlessloyalty.shared.store.dynamodb.Attributes.strings;

/** GiftCode ⇄ item. {@code usedCount} is only ever changed by conditional updates (orders). */
final class GiftCodeItemMapper {

    static final String USED_COUNT = "usedCount";
    static final String BATCH_ID = "batchId";

    private GiftCodeItemMapper() {
    }

    static Map<String, AttributeValue> toItem(GiftCode code, String batchId) {
        Map<String, AttributeValue> item = new HashMap<>(TableKeys.code(code.store(), code.code()));
        GiftCodeTerms t = code.terms();
        item.put("type", AttributeValue.fromS("GIFT_CODE"));
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
        putString(item, BATCH_ID, batchId);
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
                instant(item, "createdAt"));
    }
}
