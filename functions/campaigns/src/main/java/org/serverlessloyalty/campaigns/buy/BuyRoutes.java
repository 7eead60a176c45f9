package org.serverlessloyalty.campaigns.buy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.campaign.model.BuyOrder;
import org.serverlessloyalty.shared.campaign.model.BuyOutcome;
import org.serverlessloyalty.shared.campaign.model.BuyRefusal;
import org.serverlessloyalty.shared.campaign.model.BuyRole;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.service.CampaignPurchases;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyScope;
import org.serverlessloyalty.shared.platform.idempotency.RequestHash;
import org.serverlessloyalty.shared.platform.idempotency.StoredAnswer;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.rules.MemberIds;

/**
 * Buying rewards (A12 admin, A13 seller, A14 customer; section 4 items 1, 4, 5, 21): parse {@code quantity},
 * {@code withoutPoints} and {@code transactionId} (query or body, the body winning), hand the purchase to {@link
 * CampaignPurchases}, answer {@code {"coupons":[{"code","id"}]}}. A refusal keeps Open Loyalty's verbatim English text
 * in {@code error} beside this API's one error shape. An {@code Idempotency-Key} makes a purchase happen once: the
 * answer is recorded in the purchase's own transaction and replayed byte for byte.
 */
public final class BuyRoutes {

    /** One purchase's coupons at most: three writes each, within one DynamoDB transaction of 100. */
    public static final int MAX_QUANTITY = 25;
    static final String CAMPAIGN = "campaign";
    static final String CUSTOMER = "customer";
    private static final Set<String> ADMIN_FIELDS = Set.of("quantity", "withoutPoints", "transactionId");
    private static final Set<String> FIELDS = Set.of("quantity");

    private final CampaignPurchases purchases;
    private final Idempotency idempotency;
    private final BusinessMetrics metrics;

    public BuyRoutes(CampaignPurchases purchases, Idempotency idempotency, BusinessMetrics metrics) {
        this.purchases = purchases;
        this.idempotency = idempotency;
        this.metrics = metrics;
    }

    /** A12: the admin buys for a member; may buy {@code withoutPoints} and percentage codes (C7, C16). */
    public ApiResponse adminBuy(ApiRequest request, Caller caller) {
        return buy(request, caller, BuyRole.ADMIN, () -> pathMember(request, caller));
    }

    /** A13: a seller buys for a member; visibility and targeting apply (section 4 item 4). */
    public ApiResponse sellerBuy(ApiRequest request, Caller caller) {
        return buy(request, caller, BuyRole.SELLER, () -> pathMember(request, caller));
    }

    /** A14: the member buys with their own token. */
    public ApiResponse customerBuy(ApiRequest request, Caller caller) {
        return buy(request, caller, BuyRole.CUSTOMER, () -> ((Caller.Customer) caller).memberId());
    }

    /** The body is read (a 400 names every bad field) before the path's member and campaign are looked at. */
    private ApiResponse buy(ApiRequest request, Caller caller, BuyRole role, Supplier<String> member) {
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        JsonFields body = OpenLoyaltyBody.parse(request, CAMPAIGN);
        body.rejectUnknown(role == BuyRole.ADMIN ? ADMIN_FIELDS : FIELDS);
        Integer quantity = quantity(request, body);
        boolean withoutPoints = role == BuyRole.ADMIN && flag(request, body, "withoutPoints");
        String transactionId = role == BuyRole.ADMIN ? text(request, body, "transactionId") : null;
        body.errors().throwIfAny();
        String memberId = member.get();
        CampaignId campaign = CampaignId.parse(request.pathParameter(CAMPAIGN)).orElseThrow(() ->
                ApiException.notFound("Campaign " + PlainText.excerpt(request.pathParameter(CAMPAIGN))));
        BuyOrder order = new BuyOrder(role, memberId, campaign, quantity, withoutPoints, transactionId);
        StoreZone zone = new StoreZone(caller.store().code(), caller.store().timezone());
        String locale = caller.store().locale().getLanguage();
        String hash = RequestHash.of(request.routeKey(), memberId, campaign.value(), Integer.toString(quantity),
                Boolean.toString(withoutPoints), transactionId == null ? "" : transactionId);
        Idempotency.Result<BuyOutcome> result;
        try {
            result = idempotency.run(new IdempotencyScope(caller.store().code().value(), request.routeKey()), key,
                    hash, outcome -> stored(answer(request, role, outcome)),
                    claim -> purchases.buy(zone, locale, order, claim));
        } catch (Contention.ContendedException e) {
            // Nothing was written; the client may simply retry.
            throw new ApiException(503, "CONTENDED", "The campaign is very busy; nothing was bought, retry",
                    FieldErrors.none());
        }
        if (result instanceof Idempotency.Result.Fresh<BuyOutcome> fresh) {
            if (fresh.result() instanceof BuyOutcome.Bought bought) {
                metrics.count("RewardsBought", bought.purchases().size());
            }
            return answer(request, role, fresh.result());
        }
        if (result instanceof Idempotency.Result.Replayed<BuyOutcome> replayed) {
            StoredAnswer a = replayed.answer();
            return new ApiResponse(a.status(), a.body().isEmpty() ? null : a.body());
        }
        throw new ApiException(422, "IDEMPOTENCY_KEY_REUSED",
                "This Idempotency-Key was used with another body; nothing was done",
                FieldErrors.single(IdempotencyKey.HEADER, "was used before with another body"));
    }

    /** 200 {@code {"coupons":[{"code","id"}]}} (section 4 item 5), or the refusal. */
    static ApiResponse answer(ApiRequest request, BuyRole role, BuyOutcome outcome) {
        if (outcome instanceof BuyOutcome.Bought bought) {
            List<Map<String, String>> coupons = bought.purchases().stream()
                    .map(p -> Map.of("code", p.code(), "id", p.couponId())).toList();
            return ApiResponse.ok(Map.of("coupons", coupons));
        }
        BuyRefusal refusal = ((BuyOutcome.Refused) outcome).refusal();
        return switch (refusal) {
            case NOT_FOUND -> error(request, 404, "NOT_FOUND", "Campaign was not found", "Not Found");
            case NO_SUCH_CUSTOMER -> error(request, 404, "NOT_FOUND", "Customer was not found", "Not Found");
            // C6, C8: Symfony's BadRequestHttpException shape; the admin's message is the exception's.
            case NOT_BOUGHT_MANUALLY -> error(request, 400, "REFUSED", refusal.message(), Map.of("code", 400,
                    "message", role == BuyRole.ADMIN ? refusal.message() : "Bad Request"));
            case CODE_TAKEN -> error(request, 409, "CONFLICT", refusal.message(), refusal.message());
            case TOO_MANY_AT_ONCE -> {
                Map<String, Object> body = errorBody(request, 400, "VALIDATION_FAILED", "The request has invalid fields",
                        "quantity " + refusal.message());
                body.put("errors", FieldErrors.single("quantity", refusal.message()).list());
                yield new ApiResponse(400, body);
            }
            default -> error(request, 400, "REFUSED", refusal.message(), refusal.message());
        };
    }

    private static ApiResponse error(ApiRequest request, int status, String code, String message, Object openLoyalty) {
        return new ApiResponse(status, errorBody(request, status, code, message, openLoyalty));
    }

    /** The one error shape plus Open Loyalty's {@code error} (section 4 item 18). */
    private static Map<String, Object> errorBody(ApiRequest request, int status, String code, String message,
                                                 Object openLoyalty) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("code", code);
        error.put("message", message);
        error.put("errors", List.of());
        error.put("error", openLoyalty);
        error.put("requestId", request.requestId());
        return error;
    }

    private static StoredAnswer stored(ApiResponse response) {
        return new StoredAnswer(response.status(), response.body() == null ? "" : Json.write(response.body()));
    }

    /** The path's member, as this caller may name it (a customer token only its own). */
    private static String pathMember(ApiRequest request, Caller caller) {
        String raw = request.pathParameter(CUSTOMER);
        String memberId = MemberIds.parse(raw).orElseThrow(() ->
                ApiException.notFound("Customer " + PlainText.excerpt(raw)));
        return caller.member(memberId);
    }

    /** C16 step 3: default 1; a whole number from 1 to {@link #MAX_QUANTITY}. */
    private static Integer quantity(ApiRequest request, JsonFields body) {
        if (body.has("quantity")) {
            Long q = body.integer("quantity", 1, MAX_QUANTITY);
            return q == null ? 1 : q.intValue();
        }
        Optional<String> raw = request.queryParameter("quantity");
        if (raw.isEmpty()) {
            return 1;
        }
        try {
            int q = Integer.parseInt(raw.get().strip());
            if (q >= 1 && q <= MAX_QUANTITY) {
                return q;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        body.errors().add("quantity", "must be a whole number from 1 to " + MAX_QUANTITY);
        return 1;
    }

    /** Open Loyalty's checkbox rule (0.2) for a body field, or the query parameter of that name. */
    private static boolean flag(ApiRequest request, JsonFields body, String field) {
        if (body.has(field)) {
            Boolean value = body.olBool(field);
            return value != null && value;
        }
        return request.queryParameter(field).map(v -> {
            String s = v.replace("\"", "").replace("'", "").strip();
            return !(s.isEmpty() || s.equals("0") || s.equalsIgnoreCase("false") || s.equalsIgnoreCase("null"));
        }).orElse(false);
    }

    private static String text(ApiRequest request, JsonFields body, String field) {
        if (body.has(field)) {
            JsonNode raw = body.raw(field);
            if (raw == null || raw.isNull()) {
                return null;
            }
            return body.string(field, 64);
        }
        return request.queryParameter(field).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    }

    static ZoneId zone(Caller caller) {
        return caller.store().timezone();
    }
}
