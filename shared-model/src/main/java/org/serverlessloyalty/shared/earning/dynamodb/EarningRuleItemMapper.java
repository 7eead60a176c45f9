package org.serverlessloyalty.shared.earning.dynamodb;

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

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.EarningRuleType;
import org.serverlessloyalty.shared.earning.model.LabelMultiplier;
import org.serverlessloyalty.shared.earning.model.LabelsInclusion;
import org.serverlessloyalty.shared.earning.model.LimitPeriod;
import org.serverlessloyalty.shared.earning.model.ReferralEvent;
import org.serverlessloyalty.shared.earning.model.RewardType;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.earning.model.Target;
import org.serverlessloyalty.shared.earning.model.UsageLimit;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** An earning rule as an item: the common fields, then each type's own attributes. */
final class EarningRuleItemMapper {

    static final String RULE_ID = "ruleId";
    static final String VERSION = "version";

    private EarningRuleItemMapper() {
    }

    static Map<String, AttributeValue> toItem(StoreCode store, EarningRule rule) {
        Map<String, AttributeValue> item = new HashMap<>(EarningRuleKeys.rule(store, rule.id()));
        item.put("type", AttributeValue.fromS("EARNING_RULE"));
        item.put(RULE_ID, AttributeValue.fromS(rule.id()));
        item.put("ruleType", AttributeValue.fromS(rule.type().value()));
        putString(item, "name", rule.name());
        putString(item, "description", rule.description());
        item.put("active", AttributeValue.fromBool(rule.active()));
        item.put("allTimeActive", AttributeValue.fromBool(rule.allTimeActive()));
        putString(item, "startAt", rule.startAt() == null ? null : rule.startAt().toString());
        putString(item, "endAt", rule.endAt() == null ? null : rule.endAt().toString());
        putString(item, "target", rule.target() == null ? null : rule.target().value());
        putStrings(item, "levels", sorted(rule.levels()));
        putStrings(item, "segments", sorted(rule.segments()));
        putStrings(item, "pos", sorted(rule.pos()));
        item.put("lastExecutedRule", AttributeValue.fromBool(rule.lastExecutedRule()));
        putString(item, "createdAt", rule.createdAt().toString());
        putString(item, "updatedAt", rule.updatedAt().toString());
        putNumber(item, VERSION, rule.version());
        terms(item, rule.terms());
        return item;
    }

    private static void terms(Map<String, AttributeValue> item, RuleTerms terms) {
        if (terms instanceof RuleTerms.Spending s) {
            putNumber(item, "pointValue", s.pointValue());
            putStrings(item, "excludedSkus", sorted(s.excludedSkus()));
            putString(item, "inclusion", s.inclusion().value());
            putLabels(item, "excludedLabels", s.excludedLabels());
            putLabels(item, "includedLabels", s.includedLabels());
            item.put("excludeDeliveryCost", AttributeValue.fromBool(s.excludeDeliveryCost()));
            putNumber(item, "minOrderValue", s.minOrderValue());
        } else if (terms instanceof RuleTerms.Event e) {
            putString(item, "eventName", e.eventName());
            putNumber(item, "pointsAmount", e.pointsAmount());
        } else if (terms instanceof RuleTerms.CustomEvent c) {
            putString(item, "eventName", c.eventName());
            putNumber(item, "pointsAmount", c.pointsAmount());
            putLimit(item, c.limit());
        } else if (terms instanceof RuleTerms.Referral r) {
            putString(item, "eventName", r.eventName().value());
            putString(item, "rewardType", r.rewardType().value());
            putNumber(item, "pointsAmount", r.pointsAmount());
        } else if (terms instanceof RuleTerms.ProductPurchase p) {
            putStrings(item, "skuIds", sorted(p.skuIds()));
            putNumber(item, "pointsAmount", p.pointsAmount());
        } else if (terms instanceof RuleTerms.MultiplyForProduct m) {
            putStrings(item, "skuIds", sorted(m.skuIds()));
            putNumber(item, "multiplier", m.multiplier());
            putLabels(item, "labels", m.labels());
        } else if (terms instanceof RuleTerms.MultiplyByLabels m) {
            item.put("labelMultipliers", AttributeValue.fromL(m.labelMultipliers().stream()
                    .map(lm -> AttributeValue.fromM(Map.of(
                            "key", AttributeValue.fromS(lm.key()),
                            "value", AttributeValue.fromS(lm.value()),
                            "multiplier", AttributeValue.fromN(lm.multiplier().toPlainString()))))
                    .toList()));
        } else if (terms instanceof RuleTerms.Geolocation g) {
            putNumber(item, "latitude", g.latitude());
            putNumber(item, "longitude", g.longitude());
            putNumber(item, "radiusKm", g.radiusKm());
            putNumber(item, "pointsAmount", g.pointsAmount());
            putLimit(item, g.limit());
        } else if (terms instanceof RuleTerms.QrCode q) {
            putString(item, "code", q.code());
            putNumber(item, "pointsAmount", q.pointsAmount());
            putLimit(item, q.limit());
        } else if (terms instanceof RuleTerms.InstantReward i) {
            putString(item, "rewardCampaignId", i.rewardCampaignId());
        }
    }

    static EarningRule fromItem(Map<String, AttributeValue> item) {
        EarningRuleType type = EarningRuleType.fromValue(string(item, "ruleType"))
                .orElseThrow(() -> new IllegalStateException("unknown earning rule type " + string(item, "ruleType")));
        String target = string(item, "target");
        return new EarningRule(
                string(item, RULE_ID),
                string(item, "name"),
                string(item, "description"),
                bool(item, "active"),
                bool(item, "allTimeActive"),
                instant(item, "startAt"),
                instant(item, "endAt"),
                target == null ? null : Target.fromValue(target).orElseThrow(),
                new HashSet<>(strings(item, "levels")),
                new HashSet<>(strings(item, "segments")),
                new HashSet<>(strings(item, "pos")),
                bool(item, "lastExecutedRule"),
                terms(type, item),
                instant(item, "createdAt"),
                instant(item, "updatedAt"),
                longValue(item, VERSION));
    }

    private static RuleTerms terms(EarningRuleType type, Map<String, AttributeValue> item) {
        BigDecimal points = decimal(item, "pointsAmount");
        return switch (type) {
            case POINTS -> new RuleTerms.Spending(decimal(item, "pointValue"), Set.copyOf(strings(item, "excludedSkus")),
                    LabelsInclusion.fromValue(string(item, "inclusion")).orElseThrow(),
                    labels(item, "excludedLabels"), labels(item, "includedLabels"), bool(item, "excludeDeliveryCost"),
                    decimal(item, "minOrderValue"));
            case EVENT -> new RuleTerms.Event(string(item, "eventName"), points);
            case CUSTOM_EVENT -> new RuleTerms.CustomEvent(string(item, "eventName"), points, limit(item));
            case REFERRAL -> new RuleTerms.Referral(ReferralEvent.fromValue(string(item, "eventName")).orElseThrow(),
                    RewardType.fromValue(string(item, "rewardType")).orElseThrow(), points);
            case PRODUCT_PURCHASE -> new RuleTerms.ProductPurchase(Set.copyOf(strings(item, "skuIds")), points);
            case MULTIPLY_FOR_PRODUCT -> new RuleTerms.MultiplyForProduct(Set.copyOf(strings(item, "skuIds")),
                    decimal(item, "multiplier"), labels(item, "labels"));
            case MULTIPLY_BY_PRODUCT_LABELS -> new RuleTerms.MultiplyByLabels(item.get("labelMultipliers").l().stream()
                    .map(v -> new LabelMultiplier(v.m().get("key").s(), v.m().get("value").s(),
                            new BigDecimal(v.m().get("multiplier").n())))
                    .toList());
            case GEOLOCATION -> new RuleTerms.Geolocation(decimal(item, "latitude"), decimal(item, "longitude"),
                    decimal(item, "radiusKm"), points, limit(item));
            case QRCODE -> new RuleTerms.QrCode(string(item, "code"), points, limit(item));
            case INSTANT_REWARD -> new RuleTerms.InstantReward(string(item, "rewardCampaignId"));
        };
    }

    private static void putLimit(Map<String, AttributeValue> item, UsageLimit limit) {
        item.put("limitActive", AttributeValue.fromBool(limit.active()));
        putString(item, "limitPeriod", limit.period() == null ? null : limit.period().value());
        putNumber(item, "limitLimit", limit.limit());
    }

    private static UsageLimit limit(Map<String, AttributeValue> item) {
        if (!bool(item, "limitActive")) {
            return UsageLimit.NONE;
        }
        return new UsageLimit(true, LimitPeriod.fromValue(string(item, "limitPeriod")).orElseThrow(),
                integer(item, "limitLimit"));
    }

    private static void putLabels(Map<String, AttributeValue> item, String name, List<Label> labels) {
        if (!labels.isEmpty()) {
            item.put(name, AttributeValue.fromL(labels.stream().map(l -> AttributeValue.fromM(Map.of(
                    "key", AttributeValue.fromS(l.key()), "value", AttributeValue.fromS(l.value())))).toList()));
        }
    }

    private static List<Label> labels(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || !value.hasL()) {
            return List.of();
        }
        return value.l().stream().map(v -> new Label(v.m().get("key").s(), v.m().get("value").s())).toList();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
