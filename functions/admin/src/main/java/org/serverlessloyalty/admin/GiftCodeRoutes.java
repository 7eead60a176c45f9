package org.serverlessloyalty.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.serverlessloyalty.shared.webhook.service.CouponCreatedEvents;
import org.serverlessloyalty.shared.giftcode.json.GiftCodeJson;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeBatch;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeStatus;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeCatalog;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeListing;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.RequestHash;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.platform.persistence.AlreadyExistsException;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.service.StoreDirectory;

/** Creating (listed or generated), reading, listing and voiding a store's gift codes. */
final class GiftCodeRoutes {

    static final int DEFAULT_PAGE = 50;

    private final StoreDirectory stores;
    private final GiftCodeCatalog codes;
    private final GiftCodeListing listing;
    private final BusinessMetrics metrics;
    /** Null when the coupon-created webhook is not wired in. */
    private final CouponCreatedEvents events;
    private final Clock clock;

    GiftCodeRoutes(StoreDirectory stores, GiftCodeCatalog codes, BusinessMetrics metrics, CouponCreatedEvents events,
                   Clock clock) {
        this.stores = stores;
        this.codes = codes;
        this.listing = codes.listing();
        this.metrics = metrics;
        this.events = events;
        this.clock = clock;
    }

    ApiResponse create(ApiRequest request) {
        Store store = store(request);
        Optional<IdempotencyKey> key = IdempotencyKey.of(request);
        JsonNode json = Json.parseObject(request.body());
        var parsed = CreateCodesRequest.parse(json, store);
        GiftCodeCatalog.Creation creation = parsed instanceof CreateCodesRequest.Listed listed
                ? new GiftCodeCatalog.Listed(listed.codes())
                : toGeneration((CreateCodesRequest.Generated) parsed);
        GiftCodeCatalog.Created created;
        try {
            created = codes.create(store.code(), creation, RequestHash.ofJson(json), key);
        } catch (AlreadyExistsException e) {
            var listed = (CreateCodesRequest.Listed) parsed;
            FieldErrors errors = FieldErrors.none();
            e.keys().forEach(code -> errors.add("codes[" + listed.indexes().get(new CodeValue(code)) + "].code",
                    "already exists: " + code));
            throw ApiException.conflict(e.keys().size() + " code(s) already exist; nothing was created", errors);
        } catch (GiftCodeCatalog.KeyReusedException e) {
            throw new ApiException(422, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used with another body; nothing was created",
                    FieldErrors.single(IdempotencyKey.HEADER, "was used before with another body"));
        } catch (GiftCodeCatalog.InProgressException e) {
            throw inProgress(e);
        }
        if (!created.replayed()) {
            metrics.count("GiftCodesCreated", created.codes().size(), "Mode", creation.mode().name());
        }
        if (created.eventsDue()) {
            emit(store, created.codes());
            codes.eventsEmitted(store.code(), created.batchId());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("created", created.codes().size());
        body.put("batchId", created.batchId());
        if (parsed instanceof CreateCodesRequest.Generated generated) {
            body.put("prefix", generated.prefix());
            body.put("length", generated.length());
            body.put("template", GiftCodeJson.termsToJson(generated.terms()));
            body.put("codes", created.codes().stream().map(c -> c.code().value()).toList());
        } else {
            body.put("codes", created.codes().stream().map(c -> GiftCodeJson.toJson(c, listing.status(store, c))).toList());
        }
        return ApiResponse.created(body);
    }

    private static GiftCodeCatalog.Generation toGeneration(CreateCodesRequest.Generated g) {
        return new GiftCodeCatalog.Generation(g.prefix(), g.length(), g.count(), g.terms());
    }

    private ApiException inProgress(GiftCodeCatalog.InProgressException e) {
        long seconds = Math.max(1, java.time.Duration.between(clock.instant(), e.retryAt()).toSeconds() + 1);
        return new ApiException(409, "REQUEST_IN_PROGRESS", e.getMessage() + "; retry in " + seconds + " s",
                FieldErrors.none());
    }

    /** Coupon-created events for the store's webhook, if it has one enabled; never waits on delivery. */
    private void emit(Store store, List<GiftCode> created) {
        if (events != null) {
            events.codesCreated(store.code(), created);
        }
    }

    ApiResponse get(ApiRequest request) {
        Store store = store(request);
        GiftCode code = code(request).flatMap(c -> codes.find(store.code(), c)).orElseThrow(
                () -> ApiException.notFound("Code " + PlainText.excerpt(request.pathParameter("code"))));
        return ApiResponse.ok(GiftCodeJson.toJson(code, listing.status(store, code)));
    }

    /**
     * {@code GET /api/{storeCode}/admin/giftCodes?limit&next&prefix&batch&campaign&status}: a page of
     * codes and the cursor of the next ({@code null} on the last).
     */
    ApiResponse list(ApiRequest request) {
        Store store = store(request);
        FieldErrors errors = FieldErrors.none();
        int limit = DEFAULT_PAGE;
        String rawLimit = request.queryParameter("limit").orElse(null);
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit.strip());
                if (limit < 1 || limit > GiftCodeListing.MAX_LIMIT) {
                    errors.add("limit", "must be between 1 and " + GiftCodeListing.MAX_LIMIT);
                }
            } catch (NumberFormatException e) {
                errors.add("limit", "must be a whole number");
            }
        }
        String prefix = request.queryParameter("prefix").map(CodeValue::normalise).orElse(null);
        if (prefix != null && !CodeValue.isValid(prefix)) {
            errors.add("prefix", "must be 1-" + CodeValue.MAX_LENGTH + " letters, digits, '-' or '_'");
        }
        String batch = request.queryParameter("batch").map(String::strip).orElse(null);
        if (batch != null && !batch.matches(GiftCodeBatch.ID_PATTERN)) {
            errors.add("batch", "is not a batch id (the batchId a creation answered)");
        }
        String campaign = request.queryParameter("campaign").map(String::strip).orElse(null);
        if (campaign != null && campaign.length() > 100) {
            errors.add("campaign", "must be at most 100 characters");
        }
        Set<GiftCodeStatus> statuses = GiftCodeListing.DEFAULT_STATUSES;
        String rawStatus = request.queryParameter("status").orElse(null);
        if (rawStatus != null) {
            statuses = EnumSet.noneOf(GiftCodeStatus.class);
            for (String part : rawStatus.split(",")) {
                try {
                    statuses.add(GiftCodeStatus.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    errors.add("status", "must be one or more (comma-separated) of "
                            + java.util.Arrays.toString(GiftCodeStatus.values()));
                    break;
                }
            }
        }
        errors.throwIfAny();
        GiftCodeListing.Page page;
        try {
            page = listing.list(store, new GiftCodeListing.Query(prefix, batch, campaign, statuses, limit,
                    request.queryParameter("next").orElse(null)));
        } catch (GiftCodeListing.BadCursorException e) {
            throw ApiException.badRequest(FieldErrors.single("next", "is not a cursor of this list"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("codes", page.codes().stream().map(l -> GiftCodeJson.toJson(l.code(), l.status())).toList());
        body.put("next", page.next());
        return ApiResponse.ok(body);
    }

    /** {@code POST .../giftCodes/{code}/void}: idempotent; the code answers {@code canUse:false, reason:VOIDED}. */
    ApiResponse voidCode(ApiRequest request) {
        Store store = store(request);
        GiftCode voided = code(request).flatMap(c -> codes.voidCode(store.code(), c)).orElseThrow(
                () -> ApiException.notFound("Code " + PlainText.excerpt(request.pathParameter("code"))));
        metrics.count("GiftCodesVoided", 1, "Scope", "CODE");
        return ApiResponse.ok(GiftCodeJson.toJson(voided, listing.status(store, voided)));
    }

    /** {@code POST .../giftCodes/batches/{batchId}/void}: every code of a created batch; idempotent. */
    ApiResponse voidBatch(ApiRequest request) {
        Store store = store(request);
        String batchId = request.pathParameter("batchId");
        Optional<GiftCodeCatalog.VoidedBatch> voided;
        try {
            voided = batchId.matches(GiftCodeBatch.ID_PATTERN) ? codes.voidBatch(store.code(), batchId) : Optional.empty();
        } catch (GiftCodeCatalog.InProgressException e) {
            throw inProgress(e);
        }
        var result = voided.orElseThrow(() -> ApiException.notFound("Batch " + PlainText.excerpt(batchId)));
        metrics.count("GiftCodesVoided", result.codes(), "Scope", "BATCH");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batchId", result.batchId());
        body.put("voided", result.codes());
        body.put("voidedAt", result.voidedAt().toString());
        return ApiResponse.ok(body);
    }

    private static Optional<CodeValue> code(ApiRequest request) {
        String raw = request.pathParameter("code");
        return CodeValue.isValid(raw) ? Optional.of(CodeValue.of(raw)) : Optional.empty();
    }

    private Store store(ApiRequest request) {
        var code = StoreRoutes.storeCode(request);
        return stores.find(code).orElseThrow(() -> ApiException.notFound("Store " + code));
    }
}
