package org.serverlessloyalty.campaigns.callback;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.campaign.model.PayoutResult;
import org.serverlessloyalty.shared.campaign.rules.CallbackSignature;
import org.serverlessloyalty.shared.campaign.service.CashbackCallbacks;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.rules.MemberIds;

/**
 * The cashback provider callback (A24) and the store's callback secret. The callback is anonymous in Open Loyalty's
 * sense (no admin key): what makes it believed is {@link CallbackSignature}, checked over the raw body BEFORE the body
 * is read, so a forged callback changes nothing and learns nothing about the store's rewards.
 */
public final class CallbackRoutes {

    /** PayTM's callback fields (the 4.x docs' example); what else PayTM sends is ignored, not refused. */
    static final Set<String> PROVIDERS = Set.of("paytm");
    /** A callback is small; a bigger body is refused before its HMAC is computed. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private final CashbackCallbacks callbacks;

    public CallbackRoutes(CashbackCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    /**
     * {@code POST /api/{storeCode}/admin/campaign/cashback/callback/secret}: a new secret for the store, shown once;
     * the previous one stops working at once (rotation).
     */
    public ApiResponse rotateSecret(ApiRequest request, Caller caller) {
        CashbackCallbacks.NewSecret secret = callbacks.rotateSecret(caller.store().code());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("secret", secret.secretHex());
        out.put("version", secret.version());
        out.put("createdAt", secret.createdAt().toString());
        out.put("algorithm", "HMAC-SHA256, hex, over <" + CallbackSignature.TIMESTAMP_HEADER + ">.<raw body>");
        return ApiResponse.created(out);
    }

    /** A24 {@code POST /api/{storeCode}/campaign/cashback/callback/{provider}}. */
    public ApiResponse callback(ApiRequest request, Caller caller) {
        byte[] raw = request.body(MAX_BODY_BYTES);
        CallbackSignature.Verdict verdict = callbacks.verify(caller.store().code(),
                request.header(CallbackSignature.TIMESTAMP_HEADER).orElse(null),
                request.header(CallbackSignature.SIGNATURE_HEADER).orElse(null), raw);
        switch (verdict) {
            case VALID -> {
            }
            case BAD_TIMESTAMP -> throw ApiException.badRequest(FieldErrors.single(CallbackSignature.TIMESTAMP_HEADER,
                    "must be the unix time in seconds"));
            case STALE -> throw ApiException.badRequest(FieldErrors.single(CallbackSignature.TIMESTAMP_HEADER,
                    "must be within 5 minutes of now"));
            default -> throw new ApiException(401, "UNAUTHORIZED",
                    "The callback must be signed with the store's callback secret ("
                            + CallbackSignature.SIGNATURE_HEADER + ")", FieldErrors.none());
        }
        // The provider is looked at once the callback is known to be the store's: an unsigned one learns nothing.
        String provider = request.pathParameter("provider").toLowerCase(Locale.ROOT);
        if (!PROVIDERS.contains(provider)) {
            throw ApiException.notFound("Provider " + PlainText.excerpt(request.pathParameter("provider")));
        }
        // PayTM posts JSON: the body is read as JSON whatever its Content-Type says (its bytes are what was signed).
        JsonFields body = JsonFields.root(Json.parseObject(raw), FieldErrors.none());
        body.require("orderId");
        String orderId = body.string("orderId", 200);
        String code = body.has("statusCode") ? body.string("statusCode", 64) : body.string("status", 64);
        if (!body.has("statusCode") && !body.has("status")) {
            body.errors().add(body.path("statusCode"), "is required");
        }
        String message = body.string("statusMessage", 500);
        String memberId = null;
        String couponId = null;
        if (orderId != null) {
            // Our redeem's PayTM order id is "{customerId}_{cashbackId}" (the 4.x docs' example).
            int cut = orderId.indexOf('_');
            memberId = cut < 0 ? null : MemberIds.parse(orderId.substring(0, cut)).orElse(null);
            couponId = cut < 0 ? null : orderId.substring(cut + 1);
            if (memberId == null || couponId.isEmpty() || couponId.length() > 64 || !PlainText.isClean(couponId)) {
                body.errors().add(body.path("orderId"), "must be <customerId>_<cashbackId>");
            }
        }
        PayoutResult.Status status = code == null ? null : status(code);
        if (code != null && status == null) {
            body.errors().add(body.path("statusCode"), "must be one of SUCCESS, FAILURE, FAILED, ACCEPTED, PENDING");
        }
        body.errors().throwIfAny();
        CashbackCallbacks.Outcome outcome;
        try {
            outcome = callbacks.report(new StoreZone(caller.store().code(), caller.store().timezone()), provider,
                    memberId, couponId, status, code, message == null ? code : message);
        } catch (Contention.ContendedException e) {
            throw new ApiException(503, "CONTENDED", "The reward is very busy; nothing was recorded, retry",
                    FieldErrors.none());
        }
        if (outcome instanceof CashbackCallbacks.Outcome.NoSuchCashback) {
            throw ApiException.notFound("Cashback " + PlainText.excerpt(orderId));
        }
        CashbackCallbacks.Outcome.Answer answer = (CashbackCallbacks.Outcome.Answer) outcome;
        // Open Loyalty's answer; for a callback that changed nothing, the result recorded first.
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("couponId", answer.reward().couponId());
        out.put("id", answer.reward().memberId() + "_" + answer.reward().couponId());
        out.put("customerId", answer.reward().memberId());
        out.put("code", answer.result().code());
        out.put("message", answer.result().message());
        out.put("provider", answer.result().provider());
        out.put("failed", answer.result().failed());
        return ApiResponse.ok(out);
    }

    /** PayTM's status codes: SUCCESS pays, FAILURE fails, ACCEPTED and PENDING wait for a later callback. */
    static PayoutResult.Status status(String code) {
        return switch (code.toUpperCase(Locale.ROOT)) {
            case "SUCCESS" -> PayoutResult.Status.PAID;
            case "FAILURE", "FAILED" -> PayoutResult.Status.FAILED;
            case "ACCEPTED", "PENDING" -> PayoutResult.Status.PENDING;
            default -> null;
        };
    }
}
