package org.serverlessloyalty.points;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.earning.event.model.GeoPoint;
import org.serverlessloyalty.shared.earning.event.service.EventAwards;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.RequestHash;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.points.json.PointsJson;
import org.serverlessloyalty.shared.points.model.Refusal;
import org.serverlessloyalty.shared.points.model.TransferOutcome;

/**
 * Earning on events (issue 10, area h10-events): a custom event (E-6 for a member the path names, E-7 for the
 * token's member), a place (E-8, rule E13) and a QR code (E-9, E14). Each answers {@code {"points": N}}, or 400 with
 * Open Loyalty's {@code "error":"event does not exist"} / {@code "limit exceeded"}; the limit is held by a counter
 * written in the points' own transaction (section 4 item 3). An {@code Idempotency-Key} makes a use count once.
 */
final class EventEarningRoutes {

    static final String EARNING_RULE = "earningRule";
    static final String EVENT_NAME = "eventName";
    static final int MAX_EVENT_NAME = 255;
    private static final Set<String> GEO_FIELDS = Set.of("latitude", "longitude", "earningRuleId");
    private static final Set<String> QR_FIELDS = Set.of("code", "earningRuleId");

    private final EventAwards awards;
    private final TransferAnswers answers;
    private final BusinessMetrics metrics;

    EventEarningRoutes(EventAwards awards, TransferAnswers answers, BusinessMetrics metrics) {
        this.awards = awards;
        this.answers = answers;
        this.metrics = metrics;
    }

    /** E-6 {@code POST /v1/earnRule/{eventName}/customer/{customer}}, E-7 {@code POST /customer/earningRule/{eventName}}. */
    ApiResponse customEvent(ApiRequest request, Caller caller) {
        String memberId = caller instanceof Caller.Customer customer ? customer.memberId()
                : caller.member(request.pathParameter(MemberRoutes.CUSTOMER));
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        String eventName = request.pathParameter(EVENT_NAME);
        if (eventName == null || eventName.isBlank() || eventName.length() > MAX_EVENT_NAME
                || !PlainText.isClean(eventName)) {
            throw ApiException.badRequest(FieldErrors.single(EVENT_NAME,
                    "must be an event name of 1-" + MAX_EVENT_NAME + " plain characters"));
        }
        return counted(answers.once(request, caller, key, RequestHash.of(request.routeKey(), memberId, eventName),
                earned(request, null, memberId),
                claim -> awards.customEvent(TransferRoutes.zone(caller), memberId, eventName, claim)));
    }

    /** E-8: {@code earningRule[latitude]}, {@code earningRule[longitude]}, optional {@code earningRule[earningRuleId]}. */
    ApiResponse geolocation(ApiRequest request, Caller caller) {
        String memberId = caller.member(request.pathParameter(MemberRoutes.CUSTOMER));
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        JsonFields body = Bodies.openLoyalty(request, EARNING_RULE);
        body.rejectUnknown(GEO_FIELDS);
        body.require("latitude");
        body.require("longitude");
        BigDecimal latitude = body.decimal("latitude", new BigDecimal("-90"), new BigDecimal("90"), 12);
        BigDecimal longitude = body.decimal("longitude", new BigDecimal("-180"), new BigDecimal("180"), 12);
        String ruleId = body.identifier("earningRuleId", 64);
        body.errors().throwIfAny();
        GeoPoint place = new GeoPoint(latitude.doubleValue(), longitude.doubleValue());
        return counted(answers.once(request, caller, key, RequestHash.of(request.routeKey(), memberId,
                        latitude.toPlainString(), longitude.toPlainString(), ruleId),
                earned(request, body, memberId),
                claim -> awards.geolocation(TransferRoutes.zone(caller), memberId, place, Optional.ofNullable(ruleId),
                        claim)));
    }

    /** E-9: {@code earningRule[code]}, optional {@code earningRule[earningRuleId]}. */
    ApiResponse qrCode(ApiRequest request, Caller caller) {
        String memberId = caller.member(request.pathParameter(MemberRoutes.CUSTOMER));
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        JsonFields body = Bodies.openLoyalty(request, EARNING_RULE);
        body.rejectUnknown(QR_FIELDS);
        body.require("code");
        String code = body.identifier("code", 255);
        String ruleId = body.identifier("earningRuleId", 64);
        body.errors().throwIfAny();
        return counted(answers.once(request, caller, key, RequestHash.of(request.routeKey(), memberId, code, ruleId),
                earned(request, body, memberId),
                claim -> awards.qrCode(TransferRoutes.zone(caller), memberId, code, Optional.ofNullable(ruleId),
                        claim)));
    }

    /** 200 {@code {"points": N}}; a refusal as the points writes answer theirs; an unknown member 404. */
    private static Function<TransferOutcome, ApiResponse> earned(ApiRequest request, JsonFields body, String memberId) {
        return outcome -> {
            if (outcome instanceof TransferOutcome.Done done) {
                return ApiResponse.ok(Map.of("points", PointsJson.number(done.points())));
            }
            if (outcome instanceof TransferOutcome.Refused refused) {
                if (refused.refusal().kind() == Refusal.Kind.NOT_FOUND) {
                    throw MemberRoutes.notFound(memberId);
                }
                return TransferAnswers.refusal(request, body, refused.refusal());
            }
            throw new IllegalStateException("An event earned " + outcome);
        };
    }

    private ApiResponse counted(ApiResponse response) {
        if (response.status() == 200) {
            metrics.count("EventPointsEarned", 1);
        }
        return response;
    }
}
