package org.serverlessloyalty.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.admin.webhook.CouponCreatedEvents;
import org.serverlessloyalty.shared.api.GiftCodeJson;
import org.serverlessloyalty.shared.http.ApiException;
import org.serverlessloyalty.shared.http.ApiRequest;
import org.serverlessloyalty.shared.http.ApiResponse;
import org.serverlessloyalty.shared.http.FieldErrors;
import org.serverlessloyalty.shared.http.Json;
import org.serverlessloyalty.shared.model.CodeValue;
import org.serverlessloyalty.shared.model.GiftCode;
import org.serverlessloyalty.shared.model.PlainText;
import org.serverlessloyalty.shared.model.Store;
import org.serverlessloyalty.shared.observability.BusinessMetrics;
import org.serverlessloyalty.shared.service.GiftCodeCatalog;
import org.serverlessloyalty.shared.service.StoreDirectory;
import org.serverlessloyalty.shared.store.AlreadyExistsException;

/** Creating (listed or generated) and reading a store's gift codes. */
final class GiftCodeRoutes {

    private final StoreDirectory stores;
    private final GiftCodeCatalog codes;
    private final BusinessMetrics metrics;
    /** Null when the coupon-created webhook is not wired in. */
    private final CouponCreatedEvents events;

    GiftCodeRoutes(StoreDirectory stores, GiftCodeCatalog codes, BusinessMetrics metrics) {
        this(stores, codes, metrics, null);
    }

    GiftCodeRoutes(StoreDirectory stores, GiftCodeCatalog codes, BusinessMetrics metrics, CouponCreatedEvents events) {
        this.stores = stores;
        this.codes = codes;
        this.metrics = metrics;
        this.events = events;
    }

    ApiResponse create(ApiRequest request) {
        Store store = store(request);
        var parsed = CreateCodesRequest.parse(Json.parseObject(request.body()), store);
        Map<String, Object> body = new LinkedHashMap<>();
        if (parsed instanceof CreateCodesRequest.Listed listed) {
            List<GiftCode> created;
            try {
                created = codes.createListed(store.code(), listed.codes());
            } catch (AlreadyExistsException e) {
                FieldErrors errors = FieldErrors.none();
                e.keys().forEach(code -> errors.add("codes[" + listed.indexes().get(new CodeValue(code)) + "].code",
                        "already exists: " + code));
                throw ApiException.conflict(e.keys().size() + " code(s) already exist; nothing was created", errors);
            }
            metrics.count("GiftCodesCreated", created.size(), "Mode", "LISTED");
            emit(store, created);
            body.put("created", created.size());
            body.put("codes", created.stream().map(GiftCodeJson::toJson).toList());
        } else if (parsed instanceof CreateCodesRequest.Generated generated) {
            List<GiftCode> created = codes.generate(store.code(), generated.prefix(), generated.length(),
                    generated.count(), generated.terms());
            metrics.count("GiftCodesCreated", created.size(), "Mode", "GENERATED");
            emit(store, created);
            body.put("created", created.size());
            body.put("prefix", generated.prefix());
            body.put("length", generated.length());
            body.put("template", GiftCodeJson.termsToJson(generated.terms()));
            body.put("codes", created.stream().map(c -> c.code().value()).toList());
        }
        return ApiResponse.created(body);
    }

    /** Coupon-created events for the store's webhook, if it has one enabled; never waits on delivery. */
    private void emit(Store store, List<GiftCode> created) {
        if (events != null) {
            events.codesCreated(store.code(), created);
        }
    }

    ApiResponse get(ApiRequest request) {
        Store store = store(request);
        String raw = request.pathParameter("code");
        GiftCode code = CodeValue.isValid(raw)
                ? codes.find(store.code(), CodeValue.of(raw)).orElse(null)
                : null;
        if (code == null) {
            throw ApiException.notFound("Code " + PlainText.excerpt(raw));
        }
        return ApiResponse.ok(GiftCodeJson.toJson(code));
    }

    private Store store(ApiRequest request) {
        var code = StoreRoutes.storeCode(request);
        return stores.find(code).orElseThrow(() -> ApiException.notFound("Store " + code));
    }
}
