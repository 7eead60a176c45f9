package org.serverlessloyalty.campaigns.media;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.campaign.service.Cashback;
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
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.rules.MemberIds;
import org.serverlessloyalty.shared.platform.text.PlainText;

/**
 * Cashback (A22, A23): Open Loyalty's unprefixed fields ({@code customerId}, {@code pointsAmount}, and on redeem the
 * {@code pointValue} and {@code rewardAmount} the simulation showed), as a form or JSON. Refusals carry Open
 * Loyalty's {@code error} text beside the one error shape.
 */
public final class CashbackRoutes {

    static final Set<String> SIMULATE_FIELDS = Set.of("customerId", "pointsAmount");
    static final Set<String> ADMIN_REDEEM_FIELDS = Set.of("customerId", "pointsAmount", "pointValue", "rewardAmount",
            "cashbackId");
    static final Set<String> CUSTOMER_REDEEM_FIELDS = Set.of("pointsAmount", "pointValue", "rewardAmount",
            "cashbackId");
    static final BigDecimal MAX = new BigDecimal("999999999");

    private final Cashback cashback;
    /** issue 11, h11-callback: a redeem with an Idempotency-Key happens once (a client retry spends nothing more). */
    private final Idempotency idempotency;

    public CashbackRoutes(Cashback cashback, Idempotency idempotency) {
        this.cashback = cashback;
        this.idempotency = idempotency;
    }

    /** A22 {@code POST /admin/campaign/cashback/simulate}: {@code {"customerId","pointsAmount","pointValue","rewardAmount"}}. */
    public ApiResponse simulate(ApiRequest request, Caller caller) {
        JsonFields body = OpenLoyaltyBody.parse(request, "cashback");
        body.rejectUnknown(SIMULATE_FIELDS);
        String memberId = member(body);
        BigDecimal points = points(body);
        body.errors().throwIfAny();
        return answer(request, cashback.simulate(zone(caller), memberId, points), null);
    }

    /** A23 admin: the member named in the body. */
    public ApiResponse adminRedeem(ApiRequest request, Caller caller) {
        JsonFields body = OpenLoyaltyBody.parse(request, "cashback");
        body.rejectUnknown(ADMIN_REDEEM_FIELDS);
        return redeem(request, caller, body, member(body));
    }

    /** A23 customer: the token's member. */
    public ApiResponse customerRedeem(ApiRequest request, Caller caller) {
        JsonFields body = OpenLoyaltyBody.parse(request, "cashback");
        body.rejectUnknown(CUSTOMER_REDEEM_FIELDS);
        return redeem(request, caller, body, ((Caller.Customer) caller).memberId());
    }

    private ApiResponse redeem(ApiRequest request, Caller caller, JsonFields body, String memberId) {
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        BigDecimal points = points(body);
        body.require("pointValue");
        body.require("rewardAmount");
        BigDecimal pointValue = body.decimal("pointValue", BigDecimal.ZERO, MAX, 10);
        BigDecimal rewardAmount = body.decimal("rewardAmount", BigDecimal.ZERO, MAX, 2);
        body.string("cashbackId", 64);
        body.errors().throwIfAny();
        String hash = RequestHash.of(request.routeKey(), memberId, points.toPlainString(),
                pointValue.stripTrailingZeros().toPlainString(), rewardAmount.stripTrailingZeros().toPlainString());
        Idempotency.Result<Cashback.Outcome> result;
        try {
            result = idempotency.run(new IdempotencyScope(caller.store().code().value(), request.routeKey()), key,
                    hash, outcome -> stored(request, outcome, memberId),
                    claim -> cashback.redeem(zone(caller), caller.store().locale().getLanguage(), memberId, points,
                            pointValue, rewardAmount, claim));
        } catch (Contention.ContendedException e) {
            throw new ApiException(503, "CONTENDED", "The member's points are very busy; nothing was redeemed, retry",
                    FieldErrors.none());
        }
        if (result instanceof Idempotency.Result.Fresh<Cashback.Outcome> fresh) {
            return answer(request, fresh.result(), memberId);
        }
        if (result instanceof Idempotency.Result.Replayed<Cashback.Outcome> replayed) {
            StoredAnswer a = replayed.answer();
            return new ApiResponse(a.status(), a.body().isEmpty() ? null : a.body());
        }
        throw new ApiException(422, "IDEMPOTENCY_KEY_REUSED",
                "This Idempotency-Key was used with another body; nothing was done",
                FieldErrors.single(IdempotencyKey.HEADER, "was used before with another body"));
    }

    /** The answer kept for a replay: a refusal or an unknown member too (nothing was written for those). */
    private static StoredAnswer stored(ApiRequest request, Cashback.Outcome outcome, String memberId) {
        ApiResponse response;
        try {
            response = answer(request, outcome, memberId);
        } catch (ApiException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("status", e.status());
            error.put("code", "NOT_FOUND");
            error.put("message", e.getMessage());
            error.put("errors", List.of());
            error.put("requestId", request.requestId());
            response = new ApiResponse(e.status(), error);
        }
        return new StoredAnswer(response.status(), response.body() == null ? "" : Json.write(response.body()));
    }

    private static ApiResponse answer(ApiRequest request, Cashback.Outcome outcome, String memberId) {
        if (outcome instanceof Cashback.Outcome.Offered offered) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("customerId", offered.memberId());
            out.put("pointsAmount", offered.pointsAmount());
            out.put("pointValue", offered.pointValue());
            out.put("rewardAmount", offered.rewardAmount());
            return ApiResponse.ok(out);
        }
        if (outcome instanceof Cashback.Outcome.Redeemed redeemed) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("customerId", redeemed.reward().memberId());
            out.put("pointsAmount", redeemed.reward().costInPoints());
            out.put("pointValue", redeemed.pointValue());
            out.put("rewardAmount", redeemed.reward().rewardAmount());
            // The cashback's id is its reward's (a bought reward of the member, as the bought lists show it).
            out.put("cashbackId", redeemed.reward().couponId());
            return ApiResponse.ok(out);
        }
        if (outcome instanceof Cashback.Outcome.NoSuchMember) {
            throw ApiException.notFound("Customer " + PlainText.excerpt(memberId == null ? "" : memberId));
        }
        String message = ((Cashback.Outcome.Refused) outcome).message();
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", 400);
        error.put("code", "REFUSED");
        error.put("message", message);
        error.put("errors", List.of());
        error.put("error", message);
        error.put("requestId", request.requestId());
        return new ApiResponse(400, error);
    }

    private static String member(JsonFields body) {
        body.require("customerId");
        String raw = body.string("customerId", 64);
        if (raw == null) {
            return null;
        }
        return MemberIds.parse(raw).orElseGet(() -> {
            body.errors().add(body.path("customerId"), "must be a customer id");
            return null;
        });
    }

    /** A positive amount of points with at most 2 decimals (points are not integers in Open Loyalty). */
    private static BigDecimal points(JsonFields body) {
        body.require("pointsAmount");
        BigDecimal points = body.decimal("pointsAmount", new BigDecimal("0.01"), MAX, 2);
        return points;
    }

    private static StoreZone zone(Caller caller) {
        return new StoreZone(caller.store().code(), caller.store().timezone());
    }
}
