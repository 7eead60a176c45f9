package org.serverlessloyalty.campaigns.buy;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.campaign.json.CampaignRender;
import org.serverlessloyalty.shared.campaign.model.BuyRole;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.rules.Availability;
import org.serverlessloyalty.shared.campaign.service.CampaignAvailability;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.platform.http.QueryParameters;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.points.rules.MemberIds;

/**
 * What a member can buy: A11 (admin, seller) and A16 (the member's token) list the campaigns of C12 with
 * {@code usageLeftForCustomer} (C25) and {@code canBeBoughtByCustomer} (C14); A26 (admin, member) says whether each
 * asked usage is available and whether the points (plus {@code additionalPoints}) cover them all.
 */
public final class AvailabilityRoutes {

    static final int MAX_VALIDATED = 100;
    private static final BigDecimal MAX_ADDITIONAL = new BigDecimal("1000000000");

    private final CampaignAvailability availability;
    private final Clock clock;

    public AvailabilityRoutes(CampaignAvailability availability, Clock clock) {
        this.availability = availability;
        this.clock = clock;
    }

    /** A11 admin. */
    public ApiResponse adminAvailable(ApiRequest request, Caller caller) {
        return available(request, caller, BuyRole.ADMIN, CampaignRender.Reader.ADMIN);
    }

    /** A11 seller. */
    public ApiResponse sellerAvailable(ApiRequest request, Caller caller) {
        return available(request, caller, BuyRole.SELLER, CampaignRender.Reader.SELLER);
    }

    /** A16: the token's member. */
    public ApiResponse customerAvailable(ApiRequest request, Caller caller) {
        return available(request, caller, BuyRole.CUSTOMER, CampaignRender.Reader.CUSTOMER);
    }

    /** A26 admin. */
    public ApiResponse adminValidate(ApiRequest request, Caller caller) {
        return validate(request, caller, BuyRole.ADMIN);
    }

    /** A26: the token's member. */
    public ApiResponse customerValidate(ApiRequest request, Caller caller) {
        return validate(request, caller, BuyRole.CUSTOMER);
    }

    private ApiResponse available(ApiRequest request, Caller caller, BuyRole role, CampaignRender.Reader reader) {
        FieldErrors errors = FieldErrors.none();
        int page = QueryParameters.integer(request, "page", 1, 100_000, 1, errors);
        int perPage = QueryParameters.integer(request, "perPage", 1, 1_000, 10, errors);
        Optional<Boolean> featured = flag(request, "isFeatured");
        Optional<Boolean> isPublic = flag(request, "isPublic");
        Optional<Boolean> hasSegment = flag(request, "hasSegment");
        List<String> categories = request.queryParameter("categoryId[]").map(List::of).orElse(List.of());
        Optional<String> format = request.queryParameter("format").map(String::strip);
        if (format.isPresent() && !format.get().equals("html") && !format.get().equalsIgnoreCase("raw")) {
            errors.add("format", "must be html (or raw, the default)");
        }
        BigDecimal additional = additionalPoints(request, errors);
        errors.throwIfAny();
        String memberId = member(request, caller, role);
        List<CampaignAvailability.Available> all = availability.available(caller.store().code(), memberId, role,
                additional).orElseThrow(() -> ApiException.notFound("Customer " + PlainText.excerpt(memberId)));
        List<CampaignAvailability.Available> kept = all.stream().filter(a -> {
            Campaign c = a.stored().campaign();
            return featured.map(f -> c.featured() == f).orElse(true)
                    && isPublic.map(p -> c.isPublic() == p).orElse(true)
                    && hasSegment.map(h -> !c.segments().isEmpty() == h).orElse(true)
                    && (categories.isEmpty() || c.categories().stream().anyMatch(categories::contains));
        }).toList();
        CampaignRender.Context ctx = CampaignRender.Context.of(reader, caller.store().timezone(),
                caller.store().locale().getLanguage(), format.map("html"::equals).orElse(false), clock.instant());
        List<Map<String, Object>> campaigns = new ArrayList<>();
        kept.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(a -> campaigns.add(
                CampaignRender.toJson(a.stored().campaign(), a.stored().counters(), ctx, Map.of(
                        "usageLeftForCustomer", a.usageLeftForCustomer(),
                        "canBeBoughtByCustomer", a.canBeBoughtByCustomer()))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaigns", campaigns);
        body.put("total", kept.size());
        return ApiResponse.ok(body);
    }

    private ApiResponse validate(ApiRequest request, Caller caller, BuyRole role) {
        JsonFields body = OpenLoyaltyBody.parse(request, "campaigns");
        body.rejectUnknown(Set.of("additionalPoints", "campaigns"));
        BigDecimal additional = body.has("additionalPoints")
                ? body.decimal("additionalPoints", BigDecimal.ZERO, MAX_ADDITIONAL, 2) : BigDecimal.ZERO;
        List<CampaignId> asked = new ArrayList<>();
        if (!body.has("campaigns")) {
            body.errors().add(body.path("campaigns"), "is required: [{\"rewardCampaignId\":…}, …]");
        } else {
            for (JsonFields entry : body.objects("campaigns", MAX_VALIDATED)) {
                entry.rejectUnknown(Set.of("rewardCampaignId"));
                String raw = entry.string("rewardCampaignId", 64);
                if (raw == null) {
                    entry.errors().add(entry.path("rewardCampaignId"), "is required");
                    continue;
                }
                CampaignId.parse(raw).ifPresentOrElse(asked::add,
                        () -> entry.errors().add(entry.path("rewardCampaignId"), "is not a campaign id"));
            }
        }
        body.errors().throwIfAny();
        String memberId = member(request, caller, role);
        Availability.Validation v = availability.validate(caller.store().code(), memberId, role, asked,
                        additional == null ? BigDecimal.ZERO : additional)
                .orElseThrow(() -> ApiException.notFound("Customer " + PlainText.excerpt(memberId)));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("campaigns", v.entries().stream().map(e -> Map.of("rewardCampaignId", e.campaignId().value(),
                "usageLimitAvailable", e.usageLimitAvailable())).toList());
        answer.put("additionalPoints", additional == null ? BigDecimal.ZERO : additional);
        answer.put("finalUsageLimitAvailable", v.finalUsageLimitAvailable());
        answer.put("balancePointsAvailable", v.balancePointsAvailable());
        return ApiResponse.ok(answer);
    }

    private static String member(ApiRequest request, Caller caller, BuyRole role) {
        if (role == BuyRole.CUSTOMER) {
            return ((Caller.Customer) caller).memberId();
        }
        String raw = request.pathParameter("customer");
        return caller.member(MemberIds.parse(raw).orElseThrow(() ->
                ApiException.notFound("Customer " + PlainText.excerpt(raw))));
    }

    /** Open Loyalty's 1/0 filters (0.2): absent = no filter. */
    private static Optional<Boolean> flag(ApiRequest request, String name) {
        return request.queryParameter(name).map(v -> {
            String s = v.replace("\"", "").strip();
            return !(s.isEmpty() || s.equals("0") || s.equalsIgnoreCase("false") || s.equalsIgnoreCase("null"));
        });
    }

    private static BigDecimal additionalPoints(ApiRequest request, FieldErrors errors) {
        Optional<String> raw = request.queryParameter("additionalPoints");
        if (raw.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            BigDecimal v = new BigDecimal(raw.get().strip());
            if (v.signum() >= 0 && v.compareTo(MAX_ADDITIONAL) <= 0 && v.scale() <= 2) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("additionalPoints", "must be a number of points from 0 to 1000000000, at most 2 decimals");
        return BigDecimal.ZERO;
    }
}
