package org.serverlessloyalty.points;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.serverlessloyalty.shared.access.model.Caller;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyScope;
import org.serverlessloyalty.shared.platform.idempotency.StoredAnswer;
import org.serverlessloyalty.shared.points.model.Refusal;
import org.serverlessloyalty.shared.points.model.TransferOutcome;

/**
 * How the points writes answer, and how an {@code Idempotency-Key} makes each of them happen once (section 4 item
 * 21): the answer is rendered once, stored with the key in the write's own transaction ({@link Idempotency}), and a
 * retry with the same key and body gets exactly those bytes again; another body with the key is 422.
 *
 * <p>A refusal keeps Open Loyalty's English text in an {@code error} field next to this API's one error shape
 * ({@code "error":"not enough points"}), so an Open Loyalty client finds its message where it looks for it; a
 * refusal tied to a form field also names that field as the client wrote it ({@code transfer[points]}).
 */
final class TransferAnswers {

    /** The {@code code} of a 400 that is a business rule, not a malformed field (cancel a spend, activate an active lot). */
    static final String REFUSED = "REFUSED";

    private final Idempotency idempotency;

    TransferAnswers(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    /**
     * Runs {@code action} at most once per key: {@code key} empty runs it plainly.
     *
     * @param hash   what makes this request this request ({@code RequestHash.of(route, parsed fields...)})
     * @param render the answer of an outcome: what is returned now and stored for replays
     */
    ApiResponse once(ApiRequest request, Caller caller, Optional<IdempotencyKey> key, String hash,
                     Function<TransferOutcome, ApiResponse> render,
                     Function<Claim<TransferOutcome>, TransferOutcome> action) {
        var scope = new IdempotencyScope(caller.store().code().value(), request.routeKey());
        var result = idempotency.run(scope, key, hash, outcome -> stored(render.apply(outcome)), action);
        if (result instanceof Idempotency.Result.Fresh<TransferOutcome> fresh) {
            return render.apply(fresh.result());
        }
        if (result instanceof Idempotency.Result.Replayed<TransferOutcome> replayed) {
            return replay(replayed.answer());
        }
        throw keyReused();
    }

    Idempotency idempotency() {
        return idempotency;
    }

    static ApiException keyReused() {
        return new ApiException(422, "IDEMPOTENCY_KEY_REUSED",
                "This Idempotency-Key was used with another body; nothing was done",
                FieldErrors.single(IdempotencyKey.HEADER, "was used before with another body"));
    }

    static StoredAnswer stored(ApiResponse response) {
        return new StoredAnswer(response.status(), response.body() == null ? "" : Json.write(response.body()));
    }

    /** The stored bytes as they were: {@link ApiResponse} writes a String body unchanged. */
    static ApiResponse replay(StoredAnswer answer) {
        return new ApiResponse(answer.status(), answer.body().isEmpty() ? null : answer.body());
    }

    /** Add, spend, block, p2p: 200 {@code {"pointsTransferId": ...}} (B3, B4, B6, B7, B9), or the refusal. */
    static Function<TransferOutcome, ApiResponse> created(ApiRequest request, JsonFields body) {
        return outcome -> {
            if (outcome instanceof TransferOutcome.Done done) {
                return ApiResponse.ok(Map.of("pointsTransferId", done.id().value()));
            }
            if (outcome instanceof TransferOutcome.Unchanged unchanged && unchanged.id() != null) {
                return ApiResponse.ok(Map.of("pointsTransferId", unchanged.id().value()));
            }
            if (outcome instanceof TransferOutcome.Refused refused) {
                return refusal(request, body, refused.refusal());
            }
            throw new IllegalStateException("A write answered " + outcome);
        };
    }

    /** Cancel (B5): 200 without a body, also when cancelled before (rule P9); activate, expire (B10, B11): 204. */
    static Function<TransferOutcome, ApiResponse> changed(ApiRequest request, int status) {
        return outcome -> {
            if (outcome instanceof TransferOutcome.Refused refused) {
                return refusal(request, null, refused.refusal());
            }
            return new ApiResponse(status, null);
        };
    }

    /**
     * The one error shape plus Open Loyalty's text: a field refusal is 400 {@code VALIDATION_FAILED} naming the field
     * as sent ({@code transfer[points]}), a business rule 400 {@link #REFUSED}, a missing transfer 404.
     */
    static ApiResponse refusal(ApiRequest request, JsonFields body, Refusal refusal) {
        Map<String, Object> error = new LinkedHashMap<>();
        List<FieldErrors.FieldError> fields = List.of();
        String code;
        String message;
        int status;
        switch (refusal.kind()) {
            case INVALID_FIELD -> {
                status = 400;
                code = "VALIDATION_FAILED";
                message = "The request has invalid fields";
                String field = body == null ? refusal.field() : body.path(refusal.field());
                fields = FieldErrors.single(field, refusal.message()).list();
            }
            case BUSINESS -> {
                status = 400;
                code = REFUSED;
                message = refusal.message();
            }
            default -> {
                status = 404;
                code = "NOT_FOUND";
                message = "Points transfer was not found";
            }
        }
        error.put("status", status);
        error.put("code", code);
        error.put("message", message);
        error.put("errors", fields);
        error.put("error", refusal.message());
        error.put("requestId", request.requestId());
        return new ApiResponse(status, error);
    }
}
