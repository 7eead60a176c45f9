package org.serverlessloyalty.campaigns.catalogue;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.campaign.json.CampaignJson;
import org.serverlessloyalty.shared.campaign.json.CampaignRender;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.campaign.port.CampaignCatalogue;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.PoolCode;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.StoredCampaign;
import org.serverlessloyalty.shared.campaign.rules.CampaignListing;
import org.serverlessloyalty.shared.campaign.service.CampaignAdmin;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.earning.port.EarningRuleRepository;
import org.serverlessloyalty.shared.earning.port.TargetNames;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.store.model.Store;

/**
 * The reward catalogue's routes (issue 11, h11-catalogue; behaviour spec 1.A): A1 create, A2 replace, A3 activate,
 * A4 list, A5 read (admin and seller), A6 active, A9 the customers a campaign is visible to, A10 the seller's list,
 * A21 the public list, A25 the coupon pool. Campaign categories (A28) are {@link CategoryRoutes}.
 */
public final class CatalogueRoutes {

    static final String CAMPAIGN = "campaign";

    private final CampaignAdmin admin;
    private final CampaignRepository campaigns;
    private final CampaignCatalogue catalogue;
    private final TargetNames names;
    private final EarningRuleRepository earningRules;
    private final VisibleCustomers visible;
    private final BusinessMetrics metrics;
    private final Clock clock;

    public CatalogueRoutes(CampaignRepository campaigns, CampaignCatalogue catalogue, TargetNames names,
                           EarningRuleRepository earningRules, VisibleCustomers visible, BusinessMetrics metrics,
                           Clock clock) {
        this.admin = new CampaignAdmin(campaigns, catalogue);
        this.campaigns = campaigns;
        this.catalogue = catalogue;
        this.names = names;
        this.earningRules = earningRules;
        this.visible = visible;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A1: 200 {@code {"campaignId"}}; 400 naming every offending field, nothing written. */
    public ApiResponse create(ApiRequest request, Caller caller) {
        Store store = caller.store();
        JsonFields fields = OpenLoyaltyBody.parse(request, CampaignJson.ROOT);
        CampaignJson.Form form = CampaignJson.parse(fields, new CampaignJson.Identity(store.code(),
                CampaignId.newId(), clock.instant(), 1, store.timezone(), store.locale().getLanguage()));
        fields.errors().throwIfAny();
        checkCategories(form.campaign(), fields);
        CampaignId id = admin.create(form.campaign(), form.coupons());
        metrics.count("CampaignsCreated", 1);
        return ApiResponse.ok(Map.of("campaignId", id.value()));
    }

    /** A2, C10: the whole form replaces the campaign; leaving out an issued code → 400 on {@code coupons}. */
    public ApiResponse replace(ApiRequest request, Caller caller) {
        Store store = caller.store();
        Optional<CampaignId> id = CampaignId.parse(request.pathParameter(CAMPAIGN));
        JsonFields fields = OpenLoyaltyBody.parse(request, CampaignJson.ROOT);
        // The body is read before the campaign is looked up: a bad body is a 400 whether or not it exists.
        CampaignJson.Form form = CampaignJson.parse(fields, new CampaignJson.Identity(store.code(),
                id.orElseGet(CampaignId::newId), clock.instant(), 1, store.timezone(), store.locale().getLanguage()));
        fields.errors().throwIfAny();
        CampaignId campaignId = id.orElseThrow(() -> notFound(request.pathParameter(CAMPAIGN)));
        checkCategories(form.campaign(), fields);
        CampaignAdmin.Outcome outcome = admin.replace(form.campaign(), form.coupons());
        return answer(outcome, campaignId, fields.path("coupons"));
    }

    /** A3: {@code POST /campaign/{campaign}/active} or {@code /inactive}: 200 {@code {"campaignId"}}. */
    public ApiResponse setActive(ApiRequest request, Caller caller, boolean active) {
        CampaignId id = campaignId(request);
        return answer(admin.setActive(caller.store().code(), id, active), id, "active");
    }

    /**
     * A25: {@code {"coupons":[…],"append":bool}} (or {@code campaign[coupons][]=…&campaign[append]=1}): replace or
     * append, no duplicates; 200 {@code {"campaignId"}} (Open Loyalty documents 204 and shows a body).
     */
    public ApiResponse loadCoupons(ApiRequest request, Caller caller) {
        JsonFields fields = OpenLoyaltyBody.parse(request, CampaignJson.ROOT);
        fields.rejectUnknown(Set.of("coupons", "append"));
        com.fasterxml.jackson.databind.JsonNode rawAppend = fields.raw("append");
        if (rawAppend != null && rawAppend.isNumber() && !(rawAppend.isIntegralNumber() && rawAppend.canConvertToInt()
                && (rawAppend.intValue() == 0 || rawAppend.intValue() == 1))) {
            // A number other than 1 or 0 is a mistake, not a checkbox.
            fields.errors().add(fields.path("append"), "must be 1 or 0 (or true or false)");
        }
        boolean append = Boolean.TRUE.equals(fields.olBool("append"));
        List<String> codes = CampaignJson.coupons(fields, "coupons", !append);
        fields.errors().throwIfAny();
        CampaignId id = campaignId(request);
        return answer(admin.loadPool(caller.store().code(), id, codes, append), id, fields.path("coupons"));
    }

    /** A5 (admin; seller without the pool): the campaign with {@code format=html} rendering its markdown. */
    public ApiResponse get(ApiRequest request, Caller caller, CampaignRender.Reader reader) {
        CampaignId id = campaignId(request);
        StoredCampaign stored = campaigns.find(caller.store().code(), id).orElseThrow(() -> notFound(id.value()));
        RenderOptions options = RenderOptions.of(request, caller.store());
        return ApiResponse.ok(render(stored, caller.store(), reader, options, true));
    }

    /** A4: {@code {"campaigns":[…],"total"}} with the list's filters, sorted and paged. */
    public ApiResponse list(ApiRequest request, Caller caller) {
        CampaignListQuery query = CampaignListQuery.parse(request, true, caller.store());
        List<StoredCampaign> selected = CampaignListing.admin(campaigns.all(caller.store().code()), query.filter());
        return page(selected, query, caller.store(), CampaignRender.Reader.ADMIN);
    }

    /** A10: what a seller can offer now (active flag, visible now, not cashback or percentage). */
    public ApiResponse sellerList(ApiRequest request, Caller caller) {
        CampaignListQuery query = CampaignListQuery.parse(request, false, caller.store());
        List<StoredCampaign> selected = CampaignListing.seller(campaigns.all(caller.store().code()),
                query.filter().isPublic(), clock.instant());
        return page(selected, query, caller.store(), CampaignRender.Reader.SELLER);
    }

    /** A21: anonymous, public campaigns inside both their windows (section 4 item 17). */
    public ApiResponse publicList(ApiRequest request, Caller caller) {
        CampaignListQuery query = CampaignListQuery.parse(request, true, caller.store());
        List<StoredCampaign> selected = CampaignListing.publicAvailable(campaigns.all(caller.store().code()),
                query.filter(), clock.instant());
        return page(selected, query, caller.store(), CampaignRender.Reader.ANONYMOUS);
    }

    /** A6: {@code {"campaigns":[{"id","name"}]}}, not paginated. */
    public ApiResponse active(ApiRequest request, Caller caller) {
        String locale = RenderOptions.of(request, caller.store()).locale();
        List<Map<String, Object>> out = CampaignListing.active(campaigns.all(caller.store().code()), clock.instant())
                .stream().map(s -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", s.campaign().id().value());
                    entry.put("name", s.campaign().name(locale));
                    return entry;
                }).toList();
        return ApiResponse.ok(Map.of("campaigns", out));
    }

    /** A9: the members the campaign targets (its levels' and segments' members), paged. */
    public ApiResponse visibleCustomers(ApiRequest request, Caller caller) {
        CampaignId id = campaignId(request);
        StoredCampaign stored = campaigns.find(caller.store().code(), id).orElseThrow(() -> notFound(id.value()));
        Paging paging = Paging.of(request);
        return visible.page(caller.store(), stored.campaign(), paging.offset(), paging.perPage());
    }

    private ApiResponse page(List<StoredCampaign> selected, CampaignListQuery query, Store store,
                             CampaignRender.Reader reader) {
        List<StoredCampaign> sorted = query.sorted(selected, store);
        List<StoredCampaign> page = sorted.stream().skip(query.paging().offset()).limit(query.paging().perPage())
                .toList();
        RenderOptions options = query.options();
        Map<String, Object> body = new LinkedHashMap<>();
        // Lists read nothing per campaign beyond its item (and its categories' names): the pool's codes and
        // visibleForCustomersCount are a single read's (A5) fields.
        body.put("campaigns", page.stream().map(s -> render(s, store, reader, options, false)).toList());
        body.put("total", selected.size());
        return ApiResponse.ok(body);
    }

    /**
     * The campaign for {@code reader}, with the names of its levels, segments and categories, a custom campaign's
     * earning rule, the pool's codes for the admin group and, on a single read, the members it is visible to.
     */
    Map<String, Object> render(StoredCampaign stored, Store store, CampaignRender.Reader reader,
                               RenderOptions options, boolean single) {
        Campaign c = stored.campaign();
        // The pool's codes on a single read only: a list page of pooled campaigns would read every pool whole.
        List<String> coupons = single && reader == CampaignRender.Reader.ADMIN && c.reward().pooled()
                ? catalogue.pool(store.code(), c.id()).codes().stream().map(PoolCode::code).toList() : null;
        Map<String, String> categoryNames = new LinkedHashMap<>();
        for (String categoryId : c.categories()) {
            catalogue.category(store.code(), categoryId).ifPresent(cat ->
                    categoryNames.put(cat.id(), cat.name(options.locale())));
        }
        CampaignRender.Context context = new CampaignRender.Context(reader, store.timezone(), options.locale(),
                options.html(), clock.instant(),
                c.levels().isEmpty() ? Map.of() : names.levelNames(store.code(), new LinkedHashSet<>(c.levels())),
                c.segments().isEmpty() ? Map.of()
                        : names.segmentNames(store.code(), new LinkedHashSet<>(c.segments())),
                categoryNames, coupons, single ? visible.count(store, c) : null, earningRule(store, c));
        return CampaignRender.toJson(c, stored.counters(), context);
    }

    private CampaignRender.EarningRuleSummary earningRule(Store store, Campaign c) {
        if (c.reward() != RewardType.CUSTOM_CAMPAIGN_CODE || c.earningRuleId() == null) {
            return null;
        }
        Optional<EarningRule> rule = earningRules.find(store.code(), c.earningRuleId());
        return rule.map(r -> new CampaignRender.EarningRuleSummary(r.type().value(), r.name(), points(r.terms())))
                .orElse(null);
    }

    private static java.math.BigDecimal points(RuleTerms terms) {
        if (terms instanceof RuleTerms.QrCode q) {
            return q.pointsAmount();
        }
        if (terms instanceof RuleTerms.Geolocation g) {
            return g.pointsAmount();
        }
        if (terms instanceof RuleTerms.Event e) {
            return e.pointsAmount();
        }
        if (terms instanceof RuleTerms.CustomEvent e) {
            return e.pointsAmount();
        }
        return null;
    }

    /**
     * A campaign's categories must exist (Open Loyalty's form loads each one): an unknown id is a 400 naming its
     * entry, so a list filtered by category never misses a campaign because of a typo. One GetItem per category.
     */
    private void checkCategories(Campaign campaign, JsonFields fields) {
        List<String> categories = campaign.categories();
        for (int i = 0; i < categories.size(); i++) {
            if (catalogue.category(campaign.store(), categories.get(i)).isEmpty()) {
                fields.errors().add(fields.path("categories") + "[" + i + "]", "is not a campaign category of this store");
            }
        }
        fields.errors().throwIfAny();
    }

    private static ApiResponse answer(CampaignAdmin.Outcome outcome, CampaignId id, String couponsField) {
        if (outcome instanceof CampaignAdmin.NotFound) {
            throw notFound(id.value());
        }
        if (outcome instanceof CampaignAdmin.PoolRefused refused) {
            throw ApiException.badRequest(FieldErrors.single(couponsField, refused.message()));
        }
        return ApiResponse.ok(Map.of("campaignId", id.value()));
    }

    /** The path's campaign id; not a UUID → 404, as no campaign has it. */
    static CampaignId campaignId(ApiRequest request) {
        String raw = request.pathParameter(CAMPAIGN);
        return CampaignId.parse(raw).orElseThrow(() -> notFound(raw));
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("Campaign " + PlainText.excerpt(id));
    }

    /** How a campaign is rendered: {@code format=html} and the store's language. */
    record RenderOptions(boolean html, String locale) {
        static RenderOptions of(ApiRequest request, Store store) {
            Optional<String> format = request.queryParameter("format").map(String::strip);
            if (format.isPresent() && !format.get().equals("html") && !format.get().equalsIgnoreCase("raw")) {
                throw ApiException.badRequest(FieldErrors.single("format", "must be html (or raw, the default)"));
            }
            return new RenderOptions(format.isPresent() && format.get().equals("html"), store.locale().getLanguage());
        }
    }
}
