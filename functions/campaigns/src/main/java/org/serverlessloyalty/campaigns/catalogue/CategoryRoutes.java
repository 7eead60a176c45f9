package org.serverlessloyalty.campaigns.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.campaign.model.CampaignCategory;
import org.serverlessloyalty.shared.campaign.port.CampaignCatalogue;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.store.model.Store;

/**
 * Campaign categories (A28, {@code campaign_category[...]}): create, full replace, read, list ({@code name},
 * {@code active}, paging), activate. A category is a small item of its own; campaigns name categories by id.
 */
public final class CategoryRoutes {

    static final String ROOT = "campaign_category";
    static final String CATEGORY = "campaignCategory";
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final CampaignCatalogue catalogue;
    private final Clock clock;

    public CategoryRoutes(CampaignCatalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** 200 {@code {"campaignCategoryId"}}. */
    public ApiResponse create(ApiRequest request, Caller caller) {
        Store store = caller.store();
        CampaignCategory category = parse(request, store, UUID.randomUUID().toString(), clock.instant());
        catalogue.putCategory(category);
        return ApiResponse.ok(Map.of("campaignCategoryId", category.id()));
    }

    /** A full replacement (an omitted checkbox is false, an omitted locale is gone, as in C10). */
    public ApiResponse replace(ApiRequest request, Caller caller) {
        Store store = caller.store();
        // The body first: a bad one is a 400 whether or not the category exists.
        CampaignCategory category = parse(request, store, "", clock.instant());
        String id = id(request);
        CampaignCategory existing = catalogue.category(store.code(), id).orElseThrow(() -> notFound(id));
        catalogue.putCategory(new CampaignCategory(store.code(), id, category.names(), category.active(),
                category.sortOrder(), existing.createdAt()));
        return ApiResponse.ok(Map.of("campaignCategoryId", id));
    }

    public ApiResponse get(ApiRequest request, Caller caller) {
        String id = id(request);
        CampaignCategory category = catalogue.category(caller.store().code(), id).orElseThrow(() -> notFound(id));
        return ApiResponse.ok(json(category, locale(request, caller.store())));
    }

    /** {@code {"categories":[…],"total"}}, in sortOrder then name; {@code name} (contained) and {@code active}. */
    public ApiResponse list(ApiRequest request, Caller caller) {
        FieldErrors errors = FieldErrors.none();
        Paging paging = Paging.of(request, errors);
        Boolean active = null;
        Optional<String> activeText = request.queryParameter("active").map(s -> s.strip().toLowerCase(Locale.ROOT));
        if (activeText.isPresent()) {
            switch (activeText.get()) {
                case "1", "true" -> active = true;
                case "0", "false" -> active = false;
                default -> errors.add("active", "must be true or false (1 or 0)");
            }
        }
        errors.throwIfAny();
        String locale = locale(request, caller.store());
        Optional<String> name = request.queryParameter("name").map(s -> s.strip().toLowerCase(Locale.ROOT));
        Boolean wanted = active;
        List<CampaignCategory> selected = catalogue.categories(caller.store().code()).stream()
                .filter(c -> wanted == null || c.active() == wanted)
                .filter(c -> name.isEmpty() || c.names().values().stream()
                        .anyMatch(n -> n.toLowerCase(Locale.ROOT).contains(name.get())))
                .sorted(Comparator.comparingInt(CampaignCategory::sortOrder).thenComparing(c -> c.name(locale)))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("categories", selected.stream().skip(paging.offset()).limit(paging.perPage())
                .map(c -> json(c, locale)).toList());
        body.put("total", selected.size());
        return ApiResponse.ok(body);
    }

    /** Body {@code active=1} (or {@code {"active":true}}); 204. */
    public ApiResponse activate(ApiRequest request, Caller caller) {
        JsonFields fields = OpenLoyaltyBody.parse(request, ROOT);
        fields.rejectUnknown(Set.of("active"));
        JsonNode raw = fields.raw("active");
        Boolean active = null;
        if (raw == null) {
            fields.errors().add(fields.path("active"), "is required: 1 to activate, 0 to deactivate");
        } else if (raw.isNumber() && !(raw.isIntegralNumber() && raw.canConvertToInt()
                && (raw.intValue() == 0 || raw.intValue() == 1))) {
            // Any other number is a mistake, not a checkbox.
            fields.errors().add(fields.path("active"), "must be 1 or 0 (or true or false)");
        } else {
            active = fields.olBool("active");
        }
        fields.errors().throwIfAny();
        String id = id(request);
        CampaignCategory c = catalogue.category(caller.store().code(), id).orElseThrow(() -> notFound(id));
        catalogue.putCategory(new CampaignCategory(c.store(), c.id(), c.names(), active, c.sortOrder(),
                c.createdAt()));
        return ApiResponse.noContent();
    }

    private static CampaignCategory parse(ApiRequest request, Store store, String id, java.time.Instant createdAt) {
        JsonFields fields = OpenLoyaltyBody.parse(request, ROOT);
        fields.rejectUnknown(Set.of("translations", "active", "sortOrder"));
        Map<String, String> names = new LinkedHashMap<>();
        JsonFields translations = fields.object("translations");
        if (translations != null) {
            List<String> locales = new ArrayList<>();
            JsonNode node = fields.raw("translations");
            node.fieldNames().forEachRemaining(locales::add);
            if (locales.size() > 30) {
                fields.errors().add(fields.path("translations"), "must have at most 30 locales");
            }
            for (String locale : locales) {
                if (!LOCALE.matcher(locale).matches()) {
                    fields.errors().add(translations.path(locale), "is not a locale such as en or pt_BR");
                    continue;
                }
                JsonFields t = translations.object(locale);
                if (t == null) {
                    continue;
                }
                t.rejectUnknown(Set.of("name"));
                String name = t.string("name", 255);
                if (name == null || name.isEmpty()) {
                    if (t.errors().list().stream().noneMatch(e -> e.field().equals(t.path("name")))) {
                        t.errors().add(t.path("name"), "This value should not be blank.");
                    }
                } else {
                    names.put(locale, name);
                }
            }
        }
        String language = store.locale().getLanguage();
        if (!names.containsKey(language) && !names.containsKey("en") && fields.errors().isEmpty()) {
            fields.errors().add(fields.path("translations") + "[" + language + "][name]",
                    "This value should not be blank.");
        }
        Long sortOrder = fields.integer("sortOrder", 0, 1_000_000);
        boolean active = Boolean.TRUE.equals(fields.olBool("active"));
        fields.errors().throwIfAny();
        return new CampaignCategory(store.code(), id, names, active, sortOrder == null ? 0 : sortOrder.intValue(),
                createdAt);
    }

    private static Map<String, Object> json(CampaignCategory c, String locale) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", c.name(locale));
        json.put("campaignCategoryId", c.id());
        json.put("active", c.active());
        json.put("sortOrder", c.sortOrder());
        json.put("translations", c.names().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", e.getValue());
            t.put("locale", e.getKey());
            return t;
        }).toList());
        return json;
    }

    /** {@code _locale}, else the store's language. */
    private static String locale(ApiRequest request, Store store) {
        return request.queryParameter("_locale").map(String::strip).filter(l -> LOCALE.matcher(l).matches())
                .orElse(store.locale().getLanguage());
    }

    private static String id(ApiRequest request) {
        String raw = request.pathParameter(CATEGORY);
        String id = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!ID.matcher(id).matches()) {
            throw notFound(raw);
        }
        return id;
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("Campaign category " + PlainText.excerpt(id));
    }
}
