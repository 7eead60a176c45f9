package org.serverlessloyalty.shared.campaign.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.bool;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.decimal;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.instant;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.integer;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.longValue;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putNumber;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putString;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putStrings;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.string;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.strings;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignCounters;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignTranslation;
import org.serverlessloyalty.shared.campaign.model.CampaignWindow;
import org.serverlessloyalty.shared.campaign.model.ConnectType;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A campaign's definition as the attributes of its item. The counters ({@link CampaignKeys#ISSUED}, {@link
 * CampaignKeys#FREE}, {@link CampaignKeys#BUYERS}) share the item but are never written from here: a definition
 * write leaves them as they are (an UpdateItem setting these attributes only).
 */
public final class CampaignItemMapper {

    private CampaignItemMapper() {
    }

    /** The definition's attributes, keys included (for a put of a new campaign or the SET of a replace). */
    public static Map<String, AttributeValue> definition(Campaign c) {
        Map<String, AttributeValue> item = new HashMap<>(CampaignKeys.campaign(c.store(), c.id()));
        item.put(TableKeys.GSI1_PK, AttributeValue.fromS(CampaignKeys.storeCampaignsPartition(c.store())));
        item.put(TableKeys.GSI1_SK, AttributeValue.fromS(CampaignKeys.sortable(c.createdAt()) + "#" + c.id().value()));
        putString(item, "campaignId", c.id().value());
        putString(item, "reward", c.reward().wire());
        item.put("active", AttributeValue.fromBool(c.active()));
        Map<String, AttributeValue> translations = new LinkedHashMap<>();
        c.translations().forEach((locale, t) -> translations.put(locale, AttributeValue.fromM(translation(t))));
        item.put("translations", AttributeValue.fromM(translations));
        item.put("featured", AttributeValue.fromBool(c.featured()));
        item.put("public", AttributeValue.fromBool(c.isPublic()));
        item.put("fulfillmentTracking", AttributeValue.fromBool(c.fulfillmentTracking()));
        putStrings(item, "levels", c.levels());
        putStrings(item, "segments", c.segments());
        putStrings(item, "categories", c.categories());
        if (!c.labels().isEmpty()) {
            item.put("labels", AttributeValue.fromL(c.labels().stream().map(l -> AttributeValue.fromM(Map.of(
                    "key", AttributeValue.fromS(l.key()), "value", AttributeValue.fromS(l.value())))).toList()));
        }
        putString(item, "moreInformationLink", c.moreInformationLink());
        putString(item, "pushNotificationText", c.pushNotificationText());
        putNumber(item, "rewardValue", c.rewardValue());
        putNumber(item, "tax", c.tax());
        putNumber(item, "taxPriceValue", c.taxPriceValue());
        item.put("activity", AttributeValue.fromM(window(c.activity())));
        item.put("visibility", AttributeValue.fromM(window(c.visibility())));
        putNumber(item, "costInPoints", c.costInPoints());
        item.put("unlimited", AttributeValue.fromBool(c.unlimited()));
        item.put("singleCoupon", AttributeValue.fromBool(c.singleCoupon()));
        putNumber(item, "limit", c.limit());
        putNumber(item, "limitPerUser", c.limitPerUser());
        putNumber(item, "daysInactive", c.daysInactive());
        putNumber(item, "daysValid", c.daysValid());
        putNumber(item, "pointValue", c.pointValue());
        putNumber(item, "transactionPercentageValue", c.transactionPercentageValue());
        putString(item, "connectType", c.connectType() == null ? null : c.connectType().wire());
        putString(item, "earningRuleId", c.earningRuleId());
        item.put("brandIcon", AttributeValue.fromBool(c.brandIcon()));
        putString(item, "createdAt", c.createdAt().toString());
        putNumber(item, CampaignKeys.VERSION, c.version());
        return item;
    }

    public static Campaign campaign(StoreCode store, Map<String, AttributeValue> item) {
        Map<String, CampaignTranslation> translations = new LinkedHashMap<>();
        AttributeValue t = item.get("translations");
        if (t != null && t.hasM()) {
            t.m().forEach((locale, v) -> translations.put(locale, translation(locale, v.m())));
        }
        AttributeValue labels = item.get("labels");
        List<Label> labelList = labels == null || !labels.hasL() ? List.of() : labels.l().stream()
                .map(l -> new Label(l.m().get("key").s(), l.m().get("value").s())).toList();
        String connect = string(item, "connectType");
        return new Campaign(
                store,
                new CampaignId(string(item, "campaignId")),
                RewardType.fromWire(string(item, "reward")).orElseThrow(),
                bool(item, "active"),
                translations,
                bool(item, "featured"),
                bool(item, "public"),
                bool(item, "fulfillmentTracking"),
                strings(item, "levels"),
                strings(item, "segments"),
                strings(item, "categories"),
                labelList,
                string(item, "moreInformationLink"),
                string(item, "pushNotificationText"),
                decimal(item, "rewardValue"),
                integer(item, "tax"),
                decimal(item, "taxPriceValue"),
                window(item.get("activity")),
                window(item.get("visibility")),
                decimal(item, "costInPoints"),
                bool(item, "unlimited"),
                bool(item, "singleCoupon"),
                integer(item, "limit"),
                integer(item, "limitPerUser"),
                integer(item, "daysInactive"),
                integer(item, "daysValid"),
                decimal(item, "pointValue"),
                integer(item, "transactionPercentageValue"),
                connect == null ? null : ConnectType.fromWire(connect).orElseThrow(),
                string(item, "earningRuleId"),
                bool(item, "brandIcon"),
                instant(item, "createdAt"),
                longValue(item, CampaignKeys.VERSION));
    }

    public static CampaignCounters counters(Map<String, AttributeValue> item) {
        return new CampaignCounters(longValue(item, CampaignKeys.ISSUED), longValue(item, CampaignKeys.FREE),
                longValue(item, CampaignKeys.BUYERS));
    }

    private static Map<String, AttributeValue> translation(CampaignTranslation t) {
        Map<String, AttributeValue> m = new HashMap<>();
        putString(m, "name", t.name());
        putString(m, "shortDescription", t.shortDescription());
        putString(m, "conditionsDescription", t.conditionsDescription());
        putString(m, "usageInstruction", t.usageInstruction());
        putString(m, "brandDescription", t.brandDescription());
        putString(m, "brandName", t.brandName());
        return m;
    }

    private static CampaignTranslation translation(String locale, Map<String, AttributeValue> m) {
        return new CampaignTranslation(locale, string(m, "name"), string(m, "shortDescription"),
                string(m, "conditionsDescription"), string(m, "usageInstruction"), string(m, "brandDescription"),
                string(m, "brandName"));
    }

    private static Map<String, AttributeValue> window(CampaignWindow w) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("allTime", AttributeValue.fromBool(w.allTime()));
        putString(m, "from", text(w.from()));
        putString(m, "to", text(w.to()));
        return m;
    }

    private static CampaignWindow window(AttributeValue v) {
        if (v == null || !v.hasM()) {
            return CampaignWindow.ALWAYS;
        }
        Map<String, AttributeValue> m = v.m();
        return bool(m, "allTime") ? CampaignWindow.ALWAYS : new CampaignWindow(false, instant(m, "from"),
                instant(m, "to"));
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
