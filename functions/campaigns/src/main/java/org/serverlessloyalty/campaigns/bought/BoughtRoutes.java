package org.serverlessloyalty.campaigns.bought;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.campaign.json.CampaignRender;
import org.serverlessloyalty.shared.campaign.model.BoughtRewardQuery;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CouponUsage;
import org.serverlessloyalty.shared.campaign.model.DeliveryStatus;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.model.RewardPage;
import org.serverlessloyalty.shared.campaign.port.BoughtRewards;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository;
import org.serverlessloyalty.shared.campaign.rules.CouponUsagePlans;
import org.serverlessloyalty.shared.campaign.service.BoughtRewardService;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.points.json.PointsJson;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.port.MemberRepository;
import org.serverlessloyalty.shared.points.rules.MemberIds;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Bought rewards after their purchase (issue 11, h11-bought; docs/campaigns.md "Bought rewards"): the store-wide list
 * (A7) and its CSV export (A8), a member's list (A15 admin and seller, A17 customer), mark as used (A18 admin, A19
 * customer; one transaction per request, C26–C28) and the delivery status (A20, C29).
 */
public final class BoughtRoutes {

    /**
     * A Lambda's synchronous answer is at most 6 MB (API Gateway's 10 MB is not the limit that bites); the export stops
     * short of it, with room for the headers, and asks for a narrower purchase-date range.
     */
    static final int MAX_EXPORT_CHARS = 5_000_000;
    static final String CSV_HEADER =
            "0.Name,1.Date,2.Cost,\"3.Tax value\",4.email,5.phone,6.Firstname,7.Surname,\"8.Points balance\",\"9.Is used\"";
    private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final int MAX_ID_CHARS = 64;

    private final BoughtRewards rewards;
    private final BoughtRewardService service;
    private final MemberRepository members;
    private final CampaignRepository campaigns;
    private final Clock clock;

    public BoughtRoutes(BoughtRewards rewards, BoughtRewardService service, MemberRepository members,
                        CampaignRepository campaigns, Clock clock) {
        this.rewards = rewards;
        this.service = service;
        this.members = members;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** A7 {@code GET /campaign/bought}. */
    public ApiResponse storeList(ApiRequest request, Caller caller) {
        StoreCode store = caller.store().code();
        ZoneId zone = caller.store().timezone();
        RewardPage page = rewards.ofStore(store, BoughtRewardQueries.store(request, zone));
        Instant now = clock.instant();
        Function<String, Optional<Member>> member = memberCache(store);
        List<Map<String, Object>> bought = new ArrayList<>();
        for (Purchase p : page.rewards()) {
            bought.add(boughtCampaign(p, member.apply(p.memberId()), zone, now));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("boughtCampaigns", bought);
        body.put("total", page.total());
        return ApiResponse.ok(body);
    }

    /**
     * A8 {@code GET /campaign/bought/export/csv}: Open Loyalty's header and columns, oldest first, built page by page
     * from the store's index as it is read; over {@link #MAX_EXPORT_CHARS} the export is refused (400 naming the date
     * range) rather than cut short silently.
     */
    public ApiResponse exportCsv(ApiRequest request, Caller caller) {
        StoreCode store = caller.store().code();
        ZoneId zone = caller.store().timezone();
        BoughtRewardQuery query = BoughtRewardQueries.export(request, zone);
        Function<String, Optional<Member>> member = memberCache(store);
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        rewards.forEachOfStore(store, query, page -> {
            for (Purchase p : page) {
                Optional<Member> m = member.apply(p.memberId());
                csv.append(cell(p.campaignName())).append(',')
                        .append(quoted(CSV_DATE.format(p.purchasedAt().atZone(zone)))).append(',')
                        .append(number(p.costInPoints())).append(',')
                        .append(number(p.taxPriceValue())).append(',')
                        .append(cell(m.map(x -> x.profile().email()).orElse(null))).append(',')
                        .append(cell(m.map(x -> x.profile().phone()).orElse(null))).append(',')
                        .append(cell(m.map(x -> x.profile().firstName()).orElse(null))).append(',')
                        .append(cell(m.map(x -> x.profile().lastName()).orElse(null))).append(',')
                        .append(number(p.balanceAfter())).append(',')
                        .append(p.used() ? "1" : "").append('\n');
            }
            if (csv.length() > MAX_EXPORT_CHARS) {
                throw ApiException.badRequest(FieldErrors.single("purchasedAtFrom", "the export is larger than "
                        + MAX_EXPORT_CHARS / 1_000_000 + " MB: export a shorter purchasedAtFrom/purchasedAtTo range"));
            }
        });
        return ApiResponse.attachment("text/csv; charset=utf-8", "campaigns-bought.csv", csv.toString());
    }

    /** A15 {@code GET /admin/customer/{customer}/campaign/bought}. */
    public ApiResponse memberList(ApiRequest request, Caller caller) {
        return memberList(request, caller, CampaignRender.Reader.ADMIN);
    }

    /** A15 {@code GET /seller/customer/{customer}/campaign/bought}: the campaigns as a seller sees them. */
    public ApiResponse sellerMemberList(ApiRequest request, Caller caller) {
        return memberList(request, caller, CampaignRender.Reader.SELLER);
    }

    private ApiResponse memberList(ApiRequest request, Caller caller, CampaignRender.Reader reader) {
        String memberId = existingMember(caller.store().code(), caller.member(request.pathParameter("customer")));
        return purchases(request, caller, memberId, reader);
    }

    /** A17 {@code GET /customer/campaign/bought}: the token's member. */
    public ApiResponse ownList(ApiRequest request, Caller caller) {
        return purchases(request, caller, ((Caller.Customer) caller).memberId(), CampaignRender.Reader.CUSTOMER);
    }

    private ApiResponse purchases(ApiRequest request, Caller caller, String memberId, CampaignRender.Reader reader) {
        StoreCode store = caller.store().code();
        ZoneId zone = caller.store().timezone();
        boolean details = request.queryParameter("includeDetails").map(BoughtRewardQueries::openLoyaltyBool)
                .orElse(false);
        RewardPage page = rewards.ofMember(store, memberId, BoughtRewardQueries.member(request));
        Instant now = clock.instant();
        Map<String, Optional<CampaignRepository.StoredCampaign>> campaignsRead = new HashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Purchase p : page.rewards()) {
            Map<String, Object> one = campaignPurchase(p, zone, now);
            if (details) {
                Optional<CampaignRepository.StoredCampaign> campaign = campaignsRead.computeIfAbsent(
                        p.campaignId().value(), id -> campaigns.find(store, new CampaignId(id)));
                // The catalogue's rendering (1.A.2), as this caller may see the campaign.
                CampaignRender.Context context = CampaignRender.Context.of(reader, zone,
                        caller.store().locale().getLanguage(), false, now);
                one.put("campaign", campaign.map(c -> CampaignRender.toJson(c.campaign(), c.counters(), context))
                        .orElse(null));
            }
            out.add(one);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaigns", out);
        body.put("total", page.total());
        return ApiResponse.ok(body);
    }

    /** A18 {@code POST /admin/campaign/coupons/mark_as_used}. */
    public ApiResponse markUsedAsAdmin(ApiRequest request, Caller caller) {
        return markUsed(request, caller, null);
    }

    /** A19 {@code POST /customer/campaign/coupons/mark_as_used}: the rows are the token's member's (C28). */
    public ApiResponse markUsedAsCustomer(ApiRequest request, Caller caller) {
        return markUsed(request, caller, ((Caller.Customer) caller).memberId());
    }

    private ApiResponse markUsed(ApiRequest request, Caller caller, String customer) {
        // The body's only key is the "coupons" list: read from the whole body (no root object wraps it).
        JsonFields body = OpenLoyaltyBody.parse(request, "coupon");
        List<CouponUsage> rows = new ArrayList<>();
        List<JsonFields> sent = body.objects("coupons", CouponUsagePlans.MAX_ROWS);
        body.errors().throwIfAny();
        if (sent != null) {
            for (int i = 0; i < sent.size(); i++) {
                JsonFields row = sent.get(i);
                if (row == null) {
                    rows.add(new CouponUsage(i, null, null, null, null, null, null));
                    continue;
                }
                String customerId = customer != null ? customer : MemberIds.parse(
                        Optional.ofNullable(row.string("customerId", MAX_ID_CHARS)).orElse("")).orElse(null);
                rows.add(new CouponUsage(i, customerId, row.string("campaignId", MAX_ID_CHARS),
                        row.string("couponId", MAX_ID_CHARS), row.string("code", MAX_ID_CHARS), row.bool("used"),
                        row.string("transactionId", MAX_ID_CHARS)));
            }
        }
        body.errors().throwIfAny();
        var result = service.markUsed(caller.store().code(), rows, customer != null);
        if (result instanceof BoughtRewardService.Refused refused) {
            return openLoyaltyError(request, refused.message());
        }
        List<Map<String, Object>> coupons = new ArrayList<>();
        for (CouponUsage row : rows) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", row.code());
            one.put("used", row.used());
            one.put("campaignId", row.campaignId());
            one.put("customerId", row.customerId());
            coupons.add(one);
        }
        return ApiResponse.ok(Map.of("coupons", coupons));
    }

    /** A20 {@code PUT /admin/customer/{customer}/bought/coupon/{couponId}/changeDeliveryStatus} (C29). */
    public ApiResponse changeDelivery(ApiRequest request, Caller caller) {
        StoreCode store = caller.store().code();
        // The body first: bad input is 400 naming its fields whatever the path names.
        JsonFields body = OpenLoyaltyBody.parse(request, "deliveryStatus");
        String status = body.string("status", 32);
        body.errors().throwIfAny();
        if (status == null || status.isBlank()) {
            throw ApiException.badRequest(FieldErrors.single(body.path("status"),
                    "Delivery status is required and can't be empty!"));
        }
        DeliveryStatus delivery = DeliveryStatus.fromWire(status.strip()).orElseThrow(() -> ApiException.badRequest(
                FieldErrors.single(body.path("status"), "must be ordered, canceled, shipped or delivered")));
        String memberId = MemberIds.parse(caller.member(request.pathParameter("customer")))
                .orElseThrow(() -> ApiException.notFound("Customer " + PlainText.excerpt(
                        request.pathParameter("customer"))));
        String couponId = request.pathParameter("couponId");
        if (!service.changeDelivery(store, memberId, couponId, delivery)) {
            throw ApiException.notFound("Coupon " + PlainText.excerpt(couponId));
        }
        return ApiResponse.ok(Map.of("success", "Delivery status changed!"));
    }

    /** The one error shape, with Open Loyalty's {@code "error":{"code":400,"message":…}} beside it (A18). */
    private static ApiResponse openLoyaltyError(ApiRequest request, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", 400);
        error.put("code", "REFUSED");
        error.put("message", message);
        error.put("errors", List.of());
        error.put("error", Map.of("code", 400, "message", message));
        error.put("requestId", request.requestId());
        return new ApiResponse(400, error);
    }

    private String existingMember(StoreCode store, String pathMember) {
        return MemberIds.parse(pathMember).filter(id -> members.find(store, id).isPresent())
                .orElseThrow(() -> ApiException.notFound("Customer " + PlainText.excerpt(pathMember)));
    }

    /** Each member read once per request: a page or an export names the same members again and again. */
    private Function<String, Optional<Member>> memberCache(StoreCode store) {
        Map<String, Optional<Member>> known = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Optional<Member>> eldest) {
                return size() > 1_000;
            }
        };
        return id -> known.computeIfAbsent(id, m -> members.find(store, m));
    }

    /** §1.A.2 CampaignPurchase (A15, A17): {@code campaignId} a string (section 4 item 23) plus rewardCampaignId. */
    static Map<String, Object> campaignPurchase(Purchase p, ZoneId zone, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("purchaseAt", PointsJson.date(p.purchasedAt(), zone));
        out.put("costInPoints", p.costInPoints());
        out.put("campaignId", p.campaignId().value());
        out.put("rewardCampaignId", p.campaignId().value());
        out.put("used", p.used());
        out.put("coupon", coupon(p));
        out.put("status", p.status(now).wire());
        out.put("activeSince", PointsJson.date(p.activeSince(), zone));
        out.put("activeTo", PointsJson.date(p.activeTo(), zone));
        out.put("deliveryStatus", p.deliveryStatus().wire());
        out.put("usageDate", PointsJson.date(p.usedAt(), zone));
        out.put("usedForTransactionId", p.usedForTransactionId());
        out.put("canBeUsed", p.canBeUsed(now));
        return out;
    }

    /** §1.A.2 CampaignBought (A7). */
    static Map<String, Object> boughtCampaign(Purchase p, Optional<Member> member, ZoneId zone, Instant now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("canBeUsed", p.canBeUsed(now));
        out.put("rewardCampaignId", p.campaignId().value());
        out.put("campaignId", p.campaignId().value());
        out.put("customerId", p.memberId());
        out.put("purchasedAt", PointsJson.date(p.purchasedAt(), zone));
        out.put("coupon", coupon(p));
        out.put("campaignType", p.reward().wire());
        out.put("campaignName", p.campaignName());
        out.put("customerEmail", member.map(m -> m.profile().email()).orElse(null));
        out.put("customerPhone", member.map(m -> m.profile().phone()).orElse(null));
        out.put("customerName", member.map(m -> m.profile().firstName()).orElse(null));
        out.put("customerLastname", member.map(m -> m.profile().lastName()).orElse(null));
        out.put("campaignShippingAddress", Map.of());
        out.put("costInPoints", p.costInPoints());
        out.put("currentPointsAmount", p.balanceAfter());
        out.put("taxPriceValue", p.taxPriceValue());
        out.put("used", p.used());
        out.put("status", p.status(now).wire());
        out.put("activeSince", PointsJson.date(p.activeSince(), zone));
        out.put("activeTo", PointsJson.date(p.activeTo(), zone));
        if (p.transactionId() != null) {
            out.put("transactionId", Map.of("transactionId", p.transactionId()));
        }
        out.put("usedForTransactionId", p.usedForTransactionId());
        out.put("returnedAmount", 0);
        out.put("deliveryStatus", Map.of("status", p.deliveryStatus().wire()));
        out.put("usageDate", PointsJson.date(p.usedAt(), zone));
        return out;
    }

    private static Map<String, Object> coupon(Purchase p) {
        Map<String, Object> coupon = new LinkedHashMap<>();
        coupon.put("code", p.code());
        coupon.put("id", p.couponId());
        return coupon;
    }

    private static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString();
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /**
     * A text cell: quoted when it holds a separator, quote, space or line break (RFC 4180, as Open Loyalty quotes
     * names with spaces); one starting with a formula character gets a leading quote so a spreadsheet shows it as
     * text instead of running it (CSV injection).
     */
    private static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        boolean quote = safe.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == ' ' || ch == '\n' || ch == '\r');
        return quote ? quoted(safe) : safe;
    }
}
