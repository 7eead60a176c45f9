package org.serverlessloyalty.shared.earning.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.EarningRuleType;
import org.serverlessloyalty.shared.earning.model.LabelMultiplier;
import org.serverlessloyalty.shared.earning.model.LabelsInclusion;
import org.serverlessloyalty.shared.earning.model.LimitPeriod;
import org.serverlessloyalty.shared.earning.model.ReferralEvent;
import org.serverlessloyalty.shared.earning.model.RewardType;
import org.serverlessloyalty.shared.earning.model.RuleDefinition;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.earning.model.Target;
import org.serverlessloyalty.shared.earning.model.UsageLimit;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.points.json.MemberJson;
import org.serverlessloyalty.shared.points.model.Label;

/**
 * Open Loyalty's {@code earningRule[...]} form (E-1, E-2; behaviour spec 1.B.3), form-encoded or JSON, and the
 * earning rule this engine answers (E-3, E-4, E-10).
 *
 * <p>Open Loyalty's clients send every field of every type whatever the type (its own docs' example of an
 * {@code event} rule carries {@code multiplier}, {@code skuIds} and {@code limit}), so a field of another type is
 * ignored; a field no type has is refused, so a typo does not silently drop a setting.
 */
public final class EarningRuleJson {

    public static final String ROOT = "earningRule";
    public static final int MAX_NAME = 255;
    public static final int MAX_DESCRIPTION = 5_000;
    public static final int MAX_IDS = 200;
    public static final int MAX_ID = 128;
    public static final int MAX_LABELS = 50;
    public static final int MAX_LABELS_TEXT = 5_000;
    public static final int MAX_SKUS_TEXT = 20_000;

    /** A custom event's name is a path segment of {@code /v1/earnRule/{eventName}/customer/{customer}}. */
    static final Pattern CUSTOM_EVENT_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final BigDecimal MAX_POINTS = new BigDecimal("1000000000");
    private static final BigDecimal MAX_FACTOR = new BigDecimal("10000");
    private static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000");

    private static final Set<String> FIELDS = Set.of("type", "name", "description", "active", "allTimeActive",
            "startAt", "endAt", "target", "levels", "segments", "pos", "lastExecutedRule", "pointValue",
            "excludedSKUs", "labelsInclusionType", "inclusionType", "excludedLabels", "includedLabels",
            "excludeDeliveryCost", "minOrderValue", "eventName", "pointsAmount", "limit", "rewardType", "skuIds",
            "multiplier", "labels", "labelMultipliers", "rewardCampaignId", "latitude", "longitude", "radius", "code");

    private EarningRuleJson() {
    }

    /**
     * Reads a create ({@code existing} empty) or a full replacement of a rule of type {@code existing}: every problem
     * is recorded in {@code rule.errors()} and null returned.
     *
     * @param zone the store's time zone, for dates without an offset ({@code 2019-03-19 09:45})
     */
    public static RuleDefinition parse(JsonFields rule, ZoneId zone, Optional<EarningRuleType> existing) {
        int before = rule.errors().size();
        rule.rejectUnknown(FIELDS);
        EarningRuleType type = type(rule, existing);
        String name = text(rule, "name", MAX_NAME, true);
        String description = text(rule, "description", MAX_DESCRIPTION, true);
        Boolean active = rule.olBool("active");
        Boolean allTimeActive = rule.olBool("allTimeActive");
        Instant startAt = null;
        Instant endAt = null;
        if (Boolean.FALSE.equals(allTimeActive)) {
            startAt = MemberJson.dateTime(rule, "startAt", zone);
            endAt = MemberJson.dateTime(rule, "endAt", zone);
            if (startAt == null && !rule.failed("startAt")) {
                rule.errors().add(rule.path("startAt"), "is required unless allTimeActive");
            }
            if (endAt == null && !rule.failed("endAt")) {
                rule.errors().add(rule.path("endAt"), "is required unless allTimeActive");
            }
            if (startAt != null && endAt != null && !endAt.isAfter(startAt)) {
                rule.errors().add(rule.path("endAt"), "This date must be later than Start at.");
            }
        }
        RuleTerms terms = type == null ? null : terms(rule, type);
        Targeting targeting = targeting(rule, terms);
        Set<String> pos = ids(rule, "pos");
        boolean last = Boolean.TRUE.equals(rule.olBool("lastExecutedRule")) && type != null && type.stoppable();
        if (rule.errors().size() > before || terms == null || targeting == null) {
            return null;
        }
        return new RuleDefinition(name, description, active, allTimeActive, startAt, endAt, targeting.target(),
                targeting.levels(), targeting.segments(), pos == null ? Set.of() : pos, last, terms);
    }

    private static EarningRuleType type(JsonFields rule, Optional<EarningRuleType> existing) {
        String text = rule.string("type", 64);
        if (text == null || text.isEmpty()) {
            if (existing.isPresent()) {
                return existing.get();
            }
            if (!rule.failed("type")) {
                rule.errors().add(rule.path("type"), "is required");
            }
            return null;
        }
        Optional<EarningRuleType> type = EarningRuleType.fromValue(text);
        if (type.isEmpty()) {
            rule.errors().add(rule.path("type"), "must be one of points, event, custom_event, referral, "
                    + "product_purchase, multiply_for_product, multiply_by_product_labels, geolocation, qrcode, instant_reward");
            return null;
        }
        if (existing.isPresent() && existing.get() != type.get()) {
            rule.errors().add(rule.path("type"), "cannot be changed: this rule is " + existing.get().value());
            return null;
        }
        return type.get();
    }

    private record Targeting(Target target, Set<String> levels, Set<String> segments) {
    }

    /**
     * E1's targeting: {@code target=level} with at least one level, or {@code target=segment} with at least one
     * segment (the other list is then dropped, as Open Loyalty's form does); without {@code target}, at least one
     * level or segment. The event {@code oloy.account.created} is the exception: a new account has neither, so
     * both lists must be empty.
     */
    private static Targeting targeting(JsonFields rule, RuleTerms terms) {
        Set<String> levels = ids(rule, "levels");
        Set<String> segments = ids(rule, "segments");
        String targetText = rule.string("target", 16);
        Target target = null;
        if (targetText != null && !targetText.isEmpty()) {
            target = Target.fromValue(targetText).orElse(null);
            if (target == null) {
                rule.errors().add(rule.path("target"), "must be level or segment");
                return null;
            }
        }
        if (levels == null || segments == null) {
            return null;
        }
        if (terms instanceof RuleTerms.Event event && event.eventName().equals(RuleTerms.ACCOUNT_CREATED)) {
            if (!levels.isEmpty()) {
                rule.errors().add(rule.path("levels"), "must be empty for " + RuleTerms.ACCOUNT_CREATED
                        + ": a new account has no level yet");
            }
            if (!segments.isEmpty()) {
                rule.errors().add(rule.path("segments"), "must be empty for " + RuleTerms.ACCOUNT_CREATED
                        + ": a new account is in no segment yet");
            }
            return new Targeting(null, Set.of(), Set.of());
        }
        if (target == Target.LEVEL) {
            if (levels.isEmpty()) {
                rule.errors().add(rule.path("levels"), "must name at least one level when target is level");
                return null;
            }
            return new Targeting(target, levels, Set.of());
        }
        if (target == Target.SEGMENT) {
            if (segments.isEmpty()) {
                rule.errors().add(rule.path("segments"), "must name at least one segment when target is segment");
                return null;
            }
            return new Targeting(target, Set.of(), segments);
        }
        if (levels.isEmpty() && segments.isEmpty()) {
            rule.errors().add(rule.path("target"), "is required: level (with levels[]) or segment (with segments[])");
            return null;
        }
        return new Targeting(null, levels, segments);
    }

    private static RuleTerms terms(JsonFields rule, EarningRuleType type) {
        int before = rule.errors().size();
        RuleTerms terms = switch (type) {
            case POINTS -> spending(rule);
            case EVENT -> {
                String eventName = text(rule, "eventName", 128, true);
                if (eventName != null && !RuleTerms.BUILT_IN_EVENTS.contains(eventName)) {
                    rule.errors().add(rule.path("eventName"), "must be one of " + String.join(", ",
                            RuleTerms.BUILT_IN_EVENTS) + " (a shop's own event is a custom_event rule)");
                }
                yield new RuleTerms.Event(eventName, points(rule, BigDecimal.ZERO));
            }
            case CUSTOM_EVENT -> {
                String eventName = text(rule, "eventName", 100, true);
                if (eventName != null && !CUSTOM_EVENT_NAME.matcher(eventName).matches()) {
                    rule.errors().add(rule.path("eventName"), "must be 1-100 letters, digits, '.', '_' or '-'");
                }
                yield new RuleTerms.CustomEvent(eventName, points(rule, BigDecimal.ZERO), limit(rule));
            }
            case REFERRAL -> new RuleTerms.Referral(
                    choice(rule, "eventName", ReferralEvent::fromValue, "register, first_purchase or every_purchase"),
                    choice(rule, "rewardType", RewardType::fromValue, "referred, referrer or both"),
                    points(rule, BigDecimal.ZERO));
            case PRODUCT_PURCHASE -> {
                Set<String> skus = skus(rule, "skuIds");
                if (skus != null && skus.isEmpty()) {
                    rule.errors().add(rule.path("skuIds"), "must name at least one SKU");
                }
                yield new RuleTerms.ProductPurchase(skus == null ? Set.of() : skus, points(rule, BigDecimal.ZERO));
            }
            case MULTIPLY_FOR_PRODUCT -> {
                Set<String> skus = skus(rule, "skuIds");
                BigDecimal multiplier = required(rule, "multiplier",
                        rule.decimal("multiplier", BigDecimal.ZERO, MAX_FACTOR, 4));
                List<Label> labels = labels(rule, "labels");
                yield new RuleTerms.MultiplyForProduct(skus == null ? Set.of() : skus, multiplier,
                        labels == null ? List.of() : labels);
            }
            case MULTIPLY_BY_PRODUCT_LABELS -> new RuleTerms.MultiplyByLabels(labelMultipliers(rule));
            case GEOLOCATION -> new RuleTerms.Geolocation(
                    required(rule, "latitude", rule.decimal("latitude", new BigDecimal("-90"), new BigDecimal("90"), 8)),
                    required(rule, "longitude",
                            rule.decimal("longitude", new BigDecimal("-180"), new BigDecimal("180"), 8)),
                    required(rule, "radius", rule.decimal("radius", BigDecimal.ONE, new BigDecimal("20040"), 3)),
                    points(rule, BigDecimal.ONE), limit(rule));
            case QRCODE -> new RuleTerms.QrCode(text(rule, "code", 255, true), points(rule, BigDecimal.ZERO),
                    limit(rule));
            case INSTANT_REWARD -> new RuleTerms.InstantReward(text(rule, "rewardCampaignId", MAX_ID, true));
        };
        return rule.errors().size() > before ? null : terms;
    }

    /** E5's general spending rule. {@code excludeDeliveryCost} left out means true: the domain's default. */
    private static RuleTerms.Spending spending(JsonFields rule) {
        BigDecimal pointValue = required(rule, "pointValue", rule.decimal("pointValue", BigDecimal.ZERO, MAX_POINTS, 4));
        Set<String> excludedSkus = skus(rule, "excludedSKUs");
        String inclusionField = rule.has("labelsInclusionType") ? "labelsInclusionType" : "inclusionType";
        LabelsInclusion inclusion = LabelsInclusion.NONE;
        String inclusionText = rule.string(inclusionField, 32);
        if (inclusionText != null && !inclusionText.isEmpty()) {
            inclusion = LabelsInclusion.fromValue(inclusionText).orElse(null);
            if (inclusion == null) {
                rule.errors().add(rule.path(inclusionField), "must be none_labels, exclude_labels or include_labels");
            }
        }
        List<Label> excluded = labels(rule, "excludedLabels");
        List<Label> included = labels(rule, "includedLabels");
        boolean excludeDelivery = !rule.has("excludeDeliveryCost") || Boolean.TRUE.equals(rule.olBool("excludeDeliveryCost"));
        BigDecimal minOrderValue = rule.decimal("minOrderValue", BigDecimal.ZERO, MAX_MONEY, 2);
        return new RuleTerms.Spending(pointValue, excludedSkus == null ? Set.of() : excludedSkus,
                inclusion == null ? LabelsInclusion.NONE : inclusion, excluded == null ? List.of() : excluded,
                included == null ? List.of() : included, excludeDelivery,
                minOrderValue == null ? BigDecimal.ZERO : minOrderValue);
    }

    private static BigDecimal points(JsonFields rule, BigDecimal min) {
        return required(rule, "pointsAmount", rule.decimal("pointsAmount", min, MAX_POINTS, 2));
    }

    /** {@code limit[active,period,limit]}: inactive when absent. */
    private static UsageLimit limit(JsonFields rule) {
        if (rule.raw("limit") != null && rule.raw("limit").isTextual() && rule.raw("limit").asText().isBlank()) {
            return UsageLimit.NONE;
        }
        JsonFields limit = rule.object("limit");
        if (limit == null) {
            return UsageLimit.NONE;
        }
        limit.rejectUnknown(Set.of("active", "period", "limit"));
        if (!Boolean.TRUE.equals(limit.olBool("active"))) {
            return UsageLimit.NONE;
        }
        LimitPeriod period = choice(limit, "period", LimitPeriod::fromValue, LimitPeriod.names());
        Long count = limit.integer("limit", 1, 1_000_000);
        if (count == null && !limit.failed("limit")) {
            limit.errors().add(limit.path("limit"), "is required when the limit is active");
        }
        return period == null || count == null ? UsageLimit.NONE : new UsageLimit(true, period, count.intValue());
    }

    private static List<LabelMultiplier> labelMultipliers(JsonFields rule) {
        List<JsonFields> entries = rule.objects("labelMultipliers", MAX_LABELS);
        if (entries == null) {
            if (!rule.failed("labelMultipliers")) {
                rule.errors().add(rule.path("labelMultipliers"), "must have at least one {key, value, multiplier}");
            }
            return List.of();
        }
        if (entries.isEmpty()) {
            rule.errors().add(rule.path("labelMultipliers"), "must have at least one {key, value, multiplier}");
        }
        List<LabelMultiplier> out = new ArrayList<>();
        for (JsonFields entry : entries) {
            if (entry == null) {
                continue;
            }
            entry.rejectUnknown(Set.of("key", "value", "multiplier"));
            String key = text(entry, "key", 100, true);
            String value = text(entry, "value", 255, true);
            BigDecimal multiplier = required(entry, "multiplier",
                    entry.decimal("multiplier", BigDecimal.ZERO, MAX_FACTOR, 4));
            if (key != null && value != null && multiplier != null) {
                out.add(new LabelMultiplier(key, value, multiplier));
            }
        }
        return out;
    }

    private interface Lookup<E> {
        Optional<E> of(String text);
    }

    private static <E> E choice(JsonFields json, String field, Lookup<E> lookup, String names) {
        String text = json.string(field, 64);
        if (text == null || text.isEmpty()) {
            if (!json.failed(field)) {
                json.errors().add(json.path(field), "is required: " + names);
            }
            return null;
        }
        Optional<E> value = lookup.of(text);
        if (value.isEmpty()) {
            json.errors().add(json.path(field), "must be one of " + names);
        }
        return value.orElse(null);
    }

    private static <T> T required(JsonFields json, String field, T value) {
        if (value == null && !json.failed(field)) {
            json.errors().add(json.path(field), "is required");
        }
        return value;
    }

    private static String text(JsonFields json, String field, int max, boolean required) {
        String text = json.string(field, max);
        if ((text == null || text.isEmpty()) && required) {
            if (!json.failed(field)) {
                json.errors().add(json.path(field), "must not be blank");
            }
            return null;
        }
        return text;
    }


    /** Ids ({@code JsonFields.idList}) as a set. Null when invalid (recorded). */
    private static Set<String> ids(JsonFields json, String field) {
        List<String> ids = json.idList(field, MAX_IDS, MAX_ID);
        return ids == null ? null : new LinkedHashSet<>(ids);
    }

    /** SKUs: a list, or Open Loyalty's {@code "a;b;c"} text. */
    private static Set<String> skus(JsonFields json, String field) {
        JsonNode raw = json.raw(field);
        if (raw == null) {
            return Set.of();
        }
        if (raw.isTextual() || raw.isNumber()) {
            String text = json.string(field, MAX_SKUS_TEXT);
            if (text == null) {
                return null;
            }
            Set<String> out = new LinkedHashSet<>();
            for (String sku : text.split(";")) {
                if (!sku.isBlank()) {
                    out.add(sku.strip());
                }
            }
            if (out.stream().anyMatch(s -> s.length() > MAX_ID)) {
                json.errors().add(json.path(field), "must hold SKUs of at most " + MAX_ID + " characters");
                return null;
            }
            return out;
        }
        List<String> values = json.strings(field, MAX_IDS, MAX_ID);
        return values == null ? null : new LinkedHashSet<>(values);
    }

    /** Labels: Open Loyalty's {@code "key:value;key2:value2"}, or a list of {@code {"key","value"}}. */
    private static List<Label> labels(JsonFields json, String field) {
        JsonNode raw = json.raw(field);
        if (raw == null) {
            return List.of();
        }
        List<Label> labels = new ArrayList<>();
        if (raw.isArray()) {
            List<JsonFields> entries = json.objects(field, MAX_LABELS);
            if (entries == null) {
                return null;
            }
            for (JsonFields entry : entries) {
                if (entry == null) {
                    continue;
                }
                entry.rejectUnknown(Set.of("key", "value"));
                String key = text(entry, "key", 100, true);
                String value = entry.string("value", 255);
                if (key != null) {
                    labels.add(new Label(key, value == null ? "" : value));
                }
            }
            return labels;
        }
        String text = json.string(field, MAX_LABELS_TEXT);
        if (text == null) {
            return null;
        }
        for (String fragment : text.split(";")) {
            if (fragment.isBlank()) {
                continue;
            }
            int colon = fragment.indexOf(':');
            // Open Loyalty answers 500 for a fragment without ':' (behaviour spec, section 4 item 10): ours a 400.
            if (colon <= 0 || fragment.substring(0, colon).isBlank()) {
                json.errors().add(json.path(field), "must be key:value pairs separated by ';' (such as color:red;size:xl)");
                return null;
            }
            labels.add(new Label(fragment.substring(0, colon).strip(), fragment.substring(colon + 1).strip()));
        }
        if (labels.size() > MAX_LABELS) {
            json.errors().add(json.path(field), "must have at most " + MAX_LABELS + " labels");
            return null;
        }
        return labels;
    }

    /**
     * The rule as Open Loyalty answers it (E-4): dates in the store's time zone, {@code excludedSKUs} and labels as
     * its {@code ;}-separated texts, {@code usageUrl} for a custom event rule (this engine's path), names of the
     * levels and segments it targets that exist.
     */
    public static Map<String, Object> toJson(EarningRule rule, ZoneId zone, String storeCode,
                                             Map<String, String> levelNames, Map<String, String> segmentNames) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("earningRuleId", rule.id());
        json.put("type", rule.type().value());
        json.put("name", rule.name());
        json.put("description", rule.description());
        json.put("active", rule.active());
        json.put("allTimeActive", rule.allTimeActive());
        if (!rule.allTimeActive()) {
            json.put("startAt", MemberJson.OPEN_LOYALTY_DATE_TIME.format(rule.startAt().atZone(zone)));
            json.put("endAt", MemberJson.OPEN_LOYALTY_DATE_TIME.format(rule.endAt().atZone(zone)));
        }
        if (rule.target() != null) {
            json.put("target", rule.target().value());
        }
        json.put("levels", sorted(rule.levels()));
        json.put("segments", sorted(rule.segments()));
        json.put("pos", sorted(rule.pos()));
        if (rule.type().stoppable()) {
            json.put("lastExecutedRule", rule.lastExecutedRule());
        }
        terms(json, rule.terms(), storeCode);
        json.put("hasPhoto", false);
        json.put("levelNames", new java.util.TreeMap<>(levelNames));
        json.put("segmentNames", new java.util.TreeMap<>(segmentNames));
        json.put("createdAt", MemberJson.OPEN_LOYALTY_DATE_TIME.format(rule.createdAt().atZone(zone)));
        return json;
    }

    private static void terms(Map<String, Object> json, RuleTerms terms, String storeCode) {
        if (terms instanceof RuleTerms.Spending s) {
            json.put("pointValue", s.pointValue());
            json.put("excludedSKUs", String.join(";", sorted(s.excludedSkus())));
            json.put("labelsInclusionType", s.inclusion().value());
            json.put("excludedLabels", labelsText(s.excludedLabels()));
            json.put("includedLabels", labelsText(s.includedLabels()));
            json.put("excludeDeliveryCost", s.excludeDeliveryCost());
            json.put("minOrderValue", s.minOrderValue());
        } else if (terms instanceof RuleTerms.Event e) {
            json.put("eventName", e.eventName());
            json.put("pointsAmount", e.pointsAmount());
        } else if (terms instanceof RuleTerms.CustomEvent c) {
            json.put("eventName", c.eventName());
            json.put("pointsAmount", c.pointsAmount());
            json.put("limit", limitJson(c.limit()));
            json.put("usageUrl", "/api/" + storeCode + "/v1/earnRule/" + c.eventName() + "/customer/:customerId");
        } else if (terms instanceof RuleTerms.Referral r) {
            json.put("eventName", r.eventName().value());
            json.put("rewardType", r.rewardType().value());
            json.put("pointsAmount", r.pointsAmount());
        } else if (terms instanceof RuleTerms.ProductPurchase p) {
            json.put("skuIds", sorted(p.skuIds()));
            json.put("pointsAmount", p.pointsAmount());
        } else if (terms instanceof RuleTerms.MultiplyForProduct m) {
            json.put("skuIds", sorted(m.skuIds()));
            json.put("multiplier", m.multiplier());
            json.put("labels", labelsText(m.labels()));
        } else if (terms instanceof RuleTerms.MultiplyByLabels m) {
            json.put("labelMultipliers", m.labelMultipliers().stream().map(lm -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("key", lm.key());
                entry.put("value", lm.value());
                entry.put("multiplier", lm.multiplier());
                return entry;
            }).toList());
        } else if (terms instanceof RuleTerms.Geolocation g) {
            json.put("latitude", g.latitude());
            json.put("longitude", g.longitude());
            json.put("radius", g.radiusKm());
            json.put("pointsAmount", g.pointsAmount());
            json.put("limit", limitJson(g.limit()));
        } else if (terms instanceof RuleTerms.QrCode q) {
            json.put("code", q.code());
            json.put("pointsAmount", q.pointsAmount());
            json.put("limit", limitJson(q.limit()));
        } else if (terms instanceof RuleTerms.InstantReward i) {
            json.put("rewardCampaignId", i.rewardCampaignId());
        }
    }

    private static Map<String, Object> limitJson(UsageLimit limit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("active", limit.active());
        if (limit.active()) {
            json.put("period", limit.period().value());
            json.put("limit", limit.limit());
        }
        return json;
    }

    private static String labelsText(List<Label> labels) {
        return String.join(";", labels.stream().map(l -> l.key() + ":" + l.value()).toList());
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
