package org.serverlessloyalty.shared.campaign.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignCounters;
import org.serverlessloyalty.shared.campaign.model.CampaignTranslation;
import org.serverlessloyalty.shared.campaign.model.CampaignWindow;
import org.serverlessloyalty.shared.campaign.rules.CampaignUsage;
import org.serverlessloyalty.shared.points.json.MemberJson;

/**
 * A campaign as Open Loyalty answers it (1.A.2 "Campaign"): the definition in one locale, its computed fields
 * ({@code usageLeft} C24 from the counters, {@code usersWhoUsedThisCampaignCount} = buyers, the names of its levels,
 * segments and categories, {@code will_be_active_from/to}), and with {@code format=html} the markdown texts as HTML.
 *
 * <p>Every part of the campaigns family renders a campaign through {@link #toJson}: the answer is a mutable map, so a
 * route adds what only it knows ({@code usageLeftForCustomer}, {@code canBeBoughtByCustomer}, {@code photos}) with
 * {@code put}, or passes them as {@code extra}.
 */
public final class CampaignRender {

    /** CommonMark, with raw HTML in a text escaped and unsafe link targets ({@code javascript:}) dropped. */
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private CampaignRender() {
    }

    /** Who reads: the admin group alone sees the pool's codes and the category ids (1.A.2). */
    public enum Reader {
        ADMIN, SELLER, CUSTOMER, ANONYMOUS;

        boolean admin() {
            return this == ADMIN;
        }
    }

    /** A custom campaign's earning rule (C8): {@code earningRule{type,name,pointsAmount}}. */
    public record EarningRuleSummary(String type, String name, BigDecimal pointsAmount) {
    }

    /**
     * What a rendering needs besides the campaign.
     *
     * @param locale                   the language of the texts ({@code name} falls back to any locale that has one)
     * @param coupons                  the pool's codes in pool order; shown to the admin group only (null: not read)
     * @param visibleForCustomersCount members the campaign targets, when the route counted them (null: 0)
     * @param earningRule              a custom campaign's rule, when it exists
     */
    public record Context(Reader reader, ZoneId zone, String locale, boolean html, Instant now,
                         Map<String, String> levelNames, Map<String, String> segmentNames,
                         Map<String, String> categoryNames, List<String> coupons, Long visibleForCustomersCount,
                         EarningRuleSummary earningRule) {

        public Context {
            levelNames = levelNames == null ? Map.of() : levelNames;
            segmentNames = segmentNames == null ? Map.of() : segmentNames;
            categoryNames = categoryNames == null ? Map.of() : categoryNames;
        }

        /** No names, no pool, nothing counted: the smallest context (unit tests, lists that need no more). */
        public static Context of(Reader reader, ZoneId zone, String locale, boolean html, Instant now) {
            return new Context(reader, zone, locale, html, now, Map.of(), Map.of(), Map.of(), null, null, null);
        }
    }

    public static Map<String, Object> toJson(Campaign c, CampaignCounters counters, Context ctx) {
        return toJson(c, counters, ctx, Map.of());
    }

    /** The campaign's JSON, then {@code extra}'s entries (which win over computed ones of the same name). */
    public static Map<String, Object> toJson(Campaign c, CampaignCounters counters, Context ctx,
                                             Map<String, ?> extra) {
        Map<String, Object> json = new LinkedHashMap<>();
        CampaignTranslation t = translation(c, ctx.locale());
        json.put("campaignId", c.id().value());
        json.put("reward", c.reward().wire());
        json.put("name", c.name(ctx.locale()));
        json.put("shortDescription", markdown(t == null ? null : t.shortDescription(), ctx.html()));
        json.put("conditionsDescription", markdown(t == null ? null : t.conditionsDescription(), ctx.html()));
        json.put("usageInstruction", markdown(t == null ? null : t.usageInstruction(), ctx.html()));
        json.put("brandDescription", markdown(t == null ? null : t.brandDescription(), ctx.html()));
        json.put("brandName", t == null ? null : t.brandName());
        json.put("active", c.active());
        // C4: costInPoints to 2 dp.
        json.put("costInPoints", c.costInPoints() == null ? BigDecimal.ZERO.setScale(2)
                : c.costInPoints().setScale(2, RoundingMode.HALF_UP));
        json.put("singleCoupon", c.singleCoupon());
        json.put("unlimited", c.unlimited());
        // C5: no limits shown on an unlimited campaign.
        json.put("limit", c.unlimited() ? null : c.limit());
        json.put("limitPerUser", c.unlimited() ? null : c.limitPerUser());
        if (ctx.reader().admin() && ctx.coupons() != null) {
            json.put("coupons", ctx.coupons());
        }
        json.put("levels", c.levels());
        json.put("segments", c.segments());
        if (ctx.reader().admin()) {
            json.put("categories", c.categories());
        }
        json.put("daysInactive", c.daysInactive());
        json.put("daysValid", c.daysValid());
        json.put("transactionPercentageValue", c.transactionPercentageValue());
        json.put("pointValue", c.pointValue());
        json.put("rewardValue", c.rewardValue());
        json.put("tax", c.tax());
        json.put("taxPriceValue", c.taxPriceValue());
        json.put("featured", c.featured());
        json.put("public", c.isPublic());
        json.put("fulfillmentTracking", c.fulfillmentTracking());
        json.put("connectType", c.connectType() == null ? null : c.connectType().wire());
        json.put("earningRuleId", c.earningRuleId());
        if (ctx.earningRule() != null) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("type", ctx.earningRule().type());
            rule.put("name", ctx.earningRule().name());
            rule.put("pointsAmount", ctx.earningRule().pointsAmount());
            json.put("earningRule", rule);
        }
        json.put("labels", c.labels().stream().map(l -> {
            Map<String, Object> label = new LinkedHashMap<>();
            label.put("key", l.key());
            label.put("value", l.value());
            return label;
        }).toList());
        json.put("moreInformationLink", c.moreInformationLink());
        json.put("pushNotificationText", c.pushNotificationText());
        json.put("campaignActivity", window(c.activity(), "allTimeActive", "activeFrom", "activeTo", ctx.zone()));
        json.put("campaignVisibility", window(c.visibility(), "allTimeVisible", "visibleFrom", "visibleTo",
                ctx.zone()));
        json.put("translations", c.translations().values().stream().map(tr -> translation(tr, ctx.html())).toList());
        json.put("brandIcon", c.brandIcon());
        json.put("hasPhoto", false);
        json.put("levelNames", new TreeMap<>(ctx.levelNames()));
        json.put("segmentNames", new TreeMap<>(ctx.segmentNames()));
        json.put("categoryNames", new TreeMap<>(ctx.categoryNames()));
        // 1.A.2: only while the campaign is not active now and has dates, so a client can say when it will be.
        if (!c.activeAt(ctx.now()) && !c.activity().allTime()) {
            json.put("will_be_active_from", date(c.activity().from(), ctx.zone()));
            json.put("will_be_active_to", date(c.activity().to(), ctx.zone()));
        }
        json.put("usageLeft", CampaignUsage.usageLeft(c, counters));
        json.put("visibleForCustomersCount", ctx.visibleForCustomersCount() == null ? 0L
                : ctx.visibleForCustomersCount());
        json.put("usersWhoUsedThisCampaignCount", counters.buyers());
        json.put("createdAt", date(c.createdAt(), ctx.zone()));
        json.putAll(extra);
        return json;
    }

    /** Markdown as HTML (raw HTML escaped, so a campaign text can never carry a script), or the text as stored. */
    public static String markdown(String text, boolean html) {
        if (text == null || !html) {
            return text;
        }
        return HTML.render(MARKDOWN.parse(text));
    }

    private static CampaignTranslation translation(Campaign c, String locale) {
        CampaignTranslation t = c.translations().get(locale);
        if (t == null) {
            t = c.translations().get("en");
        }
        return t != null ? t : c.translations().values().stream().findFirst().orElse(null);
    }

    private static Map<String, Object> translation(CampaignTranslation t, boolean html) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", t.name());
        json.put("shortDescription", markdown(t.shortDescription(), html));
        json.put("conditionsDescription", markdown(t.conditionsDescription(), html));
        json.put("usageInstruction", markdown(t.usageInstruction(), html));
        json.put("brandDescription", markdown(t.brandDescription(), html));
        json.put("brandName", t.brandName());
        json.put("locale", t.locale());
        return json;
    }

    private static Map<String, Object> window(CampaignWindow w, String allTime, String from, String to, ZoneId zone) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(allTime, w.allTime());
        if (!w.allTime()) {
            json.put(from, date(w.from(), zone));
            json.put(to, date(w.to(), zone));
        }
        return json;
    }

    /** 0.2: PHP's ISO 8601, {@code 2017-10-05T10:59:00+0200}, in the store's time zone. */
    static String date(Instant at, ZoneId zone) {
        return at == null ? null : MemberJson.OPEN_LOYALTY_DATE_TIME.format(at.atZone(zone));
    }
}
