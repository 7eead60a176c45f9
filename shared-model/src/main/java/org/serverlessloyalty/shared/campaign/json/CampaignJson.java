package org.serverlessloyalty.shared.campaign.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignTranslation;
import org.serverlessloyalty.shared.campaign.model.CampaignWindow;
import org.serverlessloyalty.shared.campaign.model.ConnectType;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.points.json.MemberJson;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Open Loyalty's {@code campaign[...]} form (A1 create, A2 full replace; behaviour spec 1.A.1, rules C1–C10), sent
 * form-encoded or as JSON through {@code OpenLoyaltyBody}. Every problem is recorded on its field, as the client
 * wrote it ({@code campaign[translations][en][name]}, {@code campaign[coupons][3]}), so one 400 names them all.
 *
 * <p>As Open Loyalty's form does, a field of another reward type is ignored (clients send every field whatever the
 * type: {@code costInPoints} on a cashback campaign is dropped, C6–C8), while a field no type has is refused, so a typo
 * does not silently drop a setting.
 */
public final class CampaignJson {

    public static final String ROOT = "campaign";
    public static final int MAX_NAME = 255;
    public static final int MAX_MARKDOWN = 20_000;
    public static final int MAX_IDS = 200;
    public static final int MAX_ID = 128;
    public static final int MAX_LABELS = 50;
    public static final int MAX_LABELS_TEXT = 5_000;
    public static final int MAX_TRANSLATIONS = 30;
    /** A pool in one request: what a 256 KiB body can carry at a few characters a code. */
    public static final int MAX_COUPONS = 20_000;
    public static final String BLANK = "This value should not be blank.";
    /** C2's message, on both fields (Open Loyalty's "This collection should contain 1 element or more."). */
    public static final String NO_AUDIENCE = "This collection should contain 1 element or more.";

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
    private static final BigDecimal MAX_POINTS = new BigDecimal("1000000000");
    private static final BigDecimal MAX_REWARD_VALUE = new BigDecimal("999999999");
    private static final BigDecimal MAX_MONEY = new BigDecimal("1000000000000");
    private static final DateTimeFormatter OL_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss]xx");

    private static final Set<String> FIELDS = Set.of("reward", "translations", "active", "featured", "public",
            "fulfillmentTracking", "target", "levels", "segments", "categories", "labels", "moreInformationLink",
            "pushNotificationText", "rewardValue", "tax", "taxPriceValue", "campaignActivity", "campaignVisibility",
            "costInPoints", "unlimited", "singleCoupon", "limit", "limitPerUser", "coupons", "daysInactive",
            "daysValid", "pointValue", "transactionPercentageValue", "connectType", "earningRuleId");
    private static final Set<String> TRANSLATION_FIELDS = Set.of("name", "shortDescription", "conditionsDescription",
            "usageInstruction", "brandDescription", "brandName");

    private CampaignJson() {
    }

    /**
     * A valid form: the campaign it defines and, for the five pooled types, its coupon codes in pool order
     * (normalised as gift codes are: trimmed, upper case; section 4 item 16: no duplicates).
     */
    public record Form(Campaign campaign, List<String> coupons) {
    }

    /**
     * Who the form defines: the campaign's store, id, creation time and the version the write gives it (1 for a
     * create, the stored version + 1 for a replace), and how dates without an offset are read.
     *
     * @param defaultLocale the store's language: the translation that must have a name ({@code en} is accepted in
     *                      its place, as every Open Loyalty client sends it)
     */
    public record Identity(StoreCode store, CampaignId id, Instant createdAt, long version, ZoneId zone,
                           String defaultLocale) {
    }

    /** Reads the form; every problem is recorded in {@code form.errors()} and null returned. */
    public static Form parse(JsonFields form, Identity identity) {
        int before = form.errors().size();
        form.rejectUnknown(FIELDS);
        RewardType reward = reward(form);
        Map<String, CampaignTranslation> translations = translations(form, identity.defaultLocale());
        boolean active = bool(form, "active");
        boolean featured = bool(form, "featured");
        boolean isPublic = bool(form, "public");
        // 1.A.1: fulfillment tracking is a gift_code field only.
        boolean fulfillment = bool(form, "fulfillmentTracking") && reward == RewardType.GIFT_CODE;
        Audience audience = audience(form);
        List<String> categories = ids(form, "categories");
        List<Label> labels = labels(form, "labels");
        String link = link(form);
        String push = form.string("pushNotificationText", 1_000);
        BigDecimal rewardValue = positive(form, "rewardValue", MAX_REWARD_VALUE);
        Long tax = form.integer("tax", 0, 98);
        BigDecimal taxPriceValue = positive(form, "taxPriceValue", MAX_MONEY);
        CampaignWindow activity = window(form, "campaignActivity", "allTimeActive", "activeFrom", "activeTo",
                identity.zone(), false);
        // C6: cashback is always visible unless the form says otherwise; C4: the others need dates or all-time.
        CampaignWindow visibility = window(form, "campaignVisibility", "allTimeVisible", "visibleFrom", "visibleTo",
                identity.zone(), reward == RewardType.CASHBACK);
        Terms terms = reward == null ? null : terms(form, reward);
        if (form.errors().size() > before || reward == null || terms == null || audience == null
                || categories == null || labels == null) {
            return null;
        }
        Campaign campaign = new Campaign(identity.store(), identity.id(), reward, active, translations, featured,
                isPublic, fulfillment, audience.levels(), audience.segments(), categories, labels, link,
                emptyToNull(push), rewardValue, tax == null ? null : tax.intValue(), taxPriceValue, activity,
                visibility, terms.costInPoints(), terms.unlimited(), terms.singleCoupon(), terms.limit(),
                terms.limitPerUser(), terms.daysInactive(), terms.daysValid(), terms.pointValue(),
                terms.percentage(), terms.connectType(), terms.earningRuleId(), false, identity.createdAt(),
                identity.version());
        return new Form(campaign, terms.coupons());
    }

    /**
     * A list of pool codes ({@code coupons[]} of the form, or of A25's body): each a valid gift code, normalised,
     * none twice (section 4 item 16); null when invalid (recorded on each offending entry).
     */
    public static List<String> coupons(JsonFields json, String field, boolean required) {
        JsonNode raw = json.raw(field);
        if (raw == null || (raw.isTextual() && raw.asText().isBlank())) {
            if (required) {
                json.errors().add(json.path(field), BLANK + " A campaign of this type needs at least one coupon code.");
                return null;
            }
            return List.of();
        }
        int before = json.errors().size();
        List<String> values = json.strings(field, MAX_COUPONS, CodeValue.MAX_LENGTH);
        if (values == null || json.errors().size() > before) {
            return null;
        }
        if (values.isEmpty() && required) {
            json.errors().add(json.path(field), BLANK + " A campaign of this type needs at least one coupon code.");
            return null;
        }
        List<String> codes = new ArrayList<>(values.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String path = json.path(field) + "[" + i + "]";
            if (!CodeValue.isValid(values.get(i))) {
                json.errors().add(path, "must be 1-" + CodeValue.MAX_LENGTH + " letters, digits, '-' or '_' "
                        + "(a coupon is a gift code of the store)");
                continue;
            }
            String code = CodeValue.normalise(values.get(i));
            Integer first = seen.putIfAbsent(code, i);
            if (first != null) {
                // Section 4 item 16: Open Loyalty keeps duplicates and loses both when one is issued.
                json.errors().add(path, "duplicates " + json.path(field) + "[" + first + "] (" + code
                        + "): each code can be in the pool once");
                continue;
            }
            codes.add(code);
        }
        return json.errors().size() > before ? null : codes;
    }

    private static RewardType reward(JsonFields form) {
        String text = form.string("reward", 64);
        if (text == null || text.isEmpty()) {
            if (!form.failed("reward")) {
                form.errors().add(form.path("reward"), BLANK);
            }
            return null;
        }
        return RewardType.fromWire(text).orElseGet(() -> {
            form.errors().add(form.path("reward"), "must be one of discount_code, free_delivery_code, gift_code, "
                    + "event_code, value_code, cashback, percentage_discount_code, custom_campaign_code");
            return null;
        });
    }

    private static Map<String, CampaignTranslation> translations(JsonFields form, String defaultLocale) {
        Map<String, CampaignTranslation> out = new LinkedHashMap<>();
        JsonFields all = form.object("translations");
        String namePath = form.path("translations") + "[" + defaultLocale + "][name]";
        if (all == null) {
            if (!form.failed("translations")) {
                form.errors().add(namePath, BLANK);
            }
            return out;
        }
        JsonNode node = form.raw("translations");
        if (node.size() > MAX_TRANSLATIONS) {
            form.errors().add(form.path("translations"), "must have at most " + MAX_TRANSLATIONS + " locales");
            return out;
        }
        List<String> locales = new ArrayList<>();
        node.fieldNames().forEachRemaining(locales::add);
        for (String locale : locales) {
            if (!LOCALE.matcher(locale).matches()) {
                form.errors().add(all.path(locale), "is not a locale such as en or pt_BR");
                continue;
            }
            JsonFields t = all.object(locale);
            if (t == null) {
                continue;
            }
            t.rejectUnknown(TRANSLATION_FIELDS);
            String name = t.string("name", MAX_NAME);
            CampaignTranslation translation = new CampaignTranslation(locale, emptyToNull(name),
                    emptyToNull(t.string("shortDescription", MAX_MARKDOWN)),
                    emptyToNull(t.string("conditionsDescription", MAX_MARKDOWN)),
                    emptyToNull(t.string("usageInstruction", MAX_MARKDOWN)),
                    emptyToNull(t.string("brandDescription", MAX_MARKDOWN)),
                    emptyToNull(t.string("brandName", MAX_NAME)));
            if (translation.name() == null && !t.failed("name")) {
                // A locale without a name would show a nameless campaign in that language.
                t.errors().add(t.path("name"), BLANK);
            }
            out.put(locale, translation);
        }
        boolean named = out.containsKey(defaultLocale) || out.containsKey("en");
        if (!named && !form.failed("translations")) {
            form.errors().add(namePath, BLANK);
        }
        return out;
    }

    private record Audience(List<String> levels, List<String> segments) {
    }

    /** C2 (levels or segments, not neither) and C3 ({@code target} empties the other list). */
    private static Audience audience(JsonFields form) {
        List<String> levels = ids(form, "levels");
        List<String> segments = ids(form, "segments");
        String target = form.string("target", 16);
        if (target != null && !target.isEmpty() && !target.equals("level") && !target.equals("segment")) {
            form.errors().add(form.path("target"), "must be level or segment");
            return null;
        }
        if (levels == null || segments == null) {
            return null;
        }
        if ("level".equals(target)) {
            segments = List.of();
        } else if ("segment".equals(target)) {
            levels = List.of();
        }
        if (levels.isEmpty() && segments.isEmpty()) {
            if ("segment".equals(target)) {
                form.errors().add(form.path("segments"), NO_AUDIENCE);
            } else if ("level".equals(target)) {
                form.errors().add(form.path("levels"), NO_AUDIENCE);
            } else {
                form.errors().add(form.path("levels"), NO_AUDIENCE);
                form.errors().add(form.path("segments"), NO_AUDIENCE);
            }
            return null;
        }
        return new Audience(levels, segments);
    }

    private record Terms(BigDecimal costInPoints, boolean unlimited, boolean singleCoupon, Integer limit,
                         Integer limitPerUser, Integer daysInactive, Integer daysValid, BigDecimal pointValue,
                         Integer percentage, ConnectType connectType, String earningRuleId, List<String> coupons) {
    }

    /** C4–C8: what each reward type requires; the fields of the other types are ignored. */
    private static Terms terms(JsonFields form, RewardType reward) {
        int before = form.errors().size();
        Terms terms;
        if (reward.pooled()) {
            // C4: Open Loyalty's form has scale 2: a cost of 100.456 is 100.46, rounded as it is read.
            BigDecimal cost = required(form, "costInPoints", form.decimal("costInPoints", BigDecimal.ZERO,
                    MAX_POINTS, 10));
            cost = cost == null ? null : cost.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
            cost = cost == null || cost.scale() >= 0 ? cost : cost.setScale(0);
            boolean unlimited = bool(form, "unlimited");
            boolean single = bool(form, "singleCoupon");
            Integer limit = null;
            Integer perUser = null;
            if (!unlimited) {
                // C4: both limits, non-zero, unless unlimited.
                limit = count(form, "limit", "is required and above 0 unless unlimited");
                perUser = count(form, "limitPerUser", "is required and above 0 unless unlimited");
            }
            terms = new Terms(cost, unlimited, single, limit, perUser, days(form, "daysInactive"),
                    days(form, "daysValid"), null, null, null, null, coupons(form, "coupons", true));
        } else if (reward == RewardType.CASHBACK) {
            // C6: unlimited and single coupon forced, nothing to pay in points for the campaign itself.
            BigDecimal pointValue = required(form, "pointValue", form.decimal("pointValue", BigDecimal.ZERO,
                    MAX_MONEY, 4));
            terms = new Terms(BigDecimal.ZERO, true, true, null, null, null, null, pointValue, null, null, null,
                    List.of());
        } else if (reward == RewardType.PERCENTAGE_DISCOUNT_CODE) {
            // C7: cost, limits and coupons are ignored.
            Long pct = form.integer("transactionPercentageValue", 0, 99);
            if (pct == null && !form.failed("transactionPercentageValue")) {
                form.errors().add(form.path("transactionPercentageValue"), BLANK);
            }
            terms = new Terms(BigDecimal.ZERO, true, false, null, null, days(form, "daysInactive"),
                    days(form, "daysValid"), null, pct == null ? null : pct.intValue(), null, null, List.of());
        } else {
            // C8: custom_campaign_code.
            String connectText = form.string("connectType", 32);
            ConnectType connect = null;
            if (connectText == null || connectText.isEmpty()) {
                if (!form.failed("connectType")) {
                    form.errors().add(form.path("connectType"), BLANK);
                }
            } else {
                connect = ConnectType.fromWire(connectText).orElse(null);
                if (connect == null) {
                    form.errors().add(form.path("connectType"), "must be none, qrcode or geolocation");
                }
            }
            String rule = emptyToNull(form.string("earningRuleId", MAX_ID));
            if (connect != null && connect != ConnectType.NONE && rule == null && !form.failed("earningRuleId")) {
                form.errors().add(form.path("earningRuleId"), BLANK + " A " + connect.wire()
                        + " campaign is reached through an earning rule.");
            }
            terms = new Terms(BigDecimal.ZERO, true, false, null, null, null, null, null, null, connect,
                    connect == ConnectType.NONE ? null : rule, List.of());
        }
        return form.errors().size() > before ? null : terms;
    }

    private static Integer count(JsonFields form, String field, String message) {
        Long value = form.integer(field, 1, 1_000_000_000);
        if (value == null && !form.failed(field)) {
            form.errors().add(form.path(field), message);
        }
        return value == null ? null : value.intValue();
    }

    /** C4: {@code daysInactive}/{@code daysValid}, required, ≥ 0 (0 = active at once / valid for ever). */
    private static Integer days(JsonFields form, String field) {
        Long value = form.integer(field, 0, 36_500);
        if (value == null && !form.failed(field)) {
            form.errors().add(form.path(field), BLANK);
        }
        return value == null ? null : value.intValue();
    }

    private static BigDecimal positive(JsonFields form, String field, BigDecimal max) {
        BigDecimal value = form.decimal(field, BigDecimal.ZERO, max, 2);
        if (value != null && value.signum() == 0) {
            form.errors().add(form.path(field), "must be above 0");
            return null;
        }
        return value;
    }

    /** {@code campaignActivity} / {@code campaignVisibility}: all-time, or both dates with the end after the start. */
    private static CampaignWindow window(JsonFields form, String field, String allTimeField, String fromField,
                                         String toField, ZoneId zone, boolean defaultAllTime) {
        JsonNode raw = form.raw(field);
        if (raw == null && defaultAllTime) {
            return CampaignWindow.ALWAYS;
        }
        JsonFields window = raw == null ? null : form.object(field);
        if (raw != null && window == null) {
            return null;
        }
        String base = form.path(field);
        if (window == null) {
            form.errors().add(base + "[" + fromField + "]", BLANK);
            form.errors().add(base + "[" + toField + "]", BLANK);
            return null;
        }
        window.rejectUnknown(Set.of(allTimeField, fromField, toField));
        if (Boolean.TRUE.equals(window.olBool(allTimeField))) {
            return CampaignWindow.ALWAYS;
        }
        Instant from = dateTime(window, fromField, zone);
        Instant to = dateTime(window, toField, zone);
        boolean ok = true;
        if (from == null) {
            ok = false;
            if (!window.failed(fromField)) {
                window.errors().add(window.path(fromField), BLANK);
            }
        }
        if (to == null) {
            ok = false;
            if (!window.failed(toField)) {
                window.errors().add(window.path(toField), BLANK);
            }
        }
        if (ok && !to.isAfter(from)) {
            window.errors().add(window.path(toField), "must be later than " + fromField);
            ok = false;
        }
        return ok ? new CampaignWindow(false, from, to) : null;
    }

    /**
     * 0.2's lenient dates: {@code 2017-10-05 10:59}, {@code 2016-08-01}, ISO-8601, and Open Loyalty's own output
     * {@code 2017-10-05T10:59:00+0200} (no colon in the offset), so a client can send back what it read.
     */
    static Instant dateTime(JsonFields json, String field, ZoneId zone) {
        JsonNode raw = json.raw(field);
        if (raw != null && raw.isTextual()) {
            try {
                return OffsetDateTime.parse(raw.asText().strip(), OL_OFFSET).toInstant();
            } catch (DateTimeParseException e) {
                // one of the other spellings
            }
        }
        return MemberJson.dateTime(json, field, zone);
    }

    private static String link(JsonFields form) {
        String text = emptyToNull(form.string("moreInformationLink", 2_000));
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        form.errors().add(form.path("moreInformationLink"), "must be an http or https URL");
        return null;
    }

    private static boolean bool(JsonFields form, String field) {
        return Boolean.TRUE.equals(form.olBool(field));
    }

    private static <T> T required(JsonFields json, String field, T value) {
        if (value == null && !json.failed(field)) {
            json.errors().add(json.path(field), BLANK);
        }
        return value;
    }


    /** Ids ({@code JsonFields.idList}): duplicates dropped. Null when invalid (recorded). */
    private static List<String> ids(JsonFields json, String field) {
        return json.idList(field, MAX_IDS, MAX_ID);
    }

    /**
     * C9: Open Loyalty's {@code "key:value;key2:value2"} (or a list of {@code {"key","value"}}). A fragment without
     * {@code :} is a 400 here, where Open Loyalty's parser breaks (section 4 item 10).
     */
    static List<Label> labels(JsonFields json, String field) {
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
                String key = entry.string("key", 100);
                String value = entry.string("value", 255);
                if (key == null || key.isEmpty()) {
                    if (!entry.failed("key")) {
                        entry.errors().add(entry.path("key"), BLANK);
                    }
                } else {
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
            if (colon <= 0 || fragment.substring(0, colon).isBlank()) {
                json.errors().add(json.path(field), "must be key:value pairs separated by ';' (such as type:promotion;"
                        + "season:summer); a fragment without ':' cannot be read");
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

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
