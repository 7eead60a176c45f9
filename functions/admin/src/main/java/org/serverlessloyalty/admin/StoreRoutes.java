package org.serverlessloyalty.admin;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.serverlessloyalty.shared.level.json.LevelSettingsJson;
import org.serverlessloyalty.shared.level.model.LevelSettings;
import org.serverlessloyalty.shared.level.port.LevelSettingsRepository;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.platform.http.QueryParameters;
import org.serverlessloyalty.shared.platform.persistence.AlreadyExistsException;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.points.json.PointsSettingsJson;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.port.PointsSettingsRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.transaction.json.TransactionSettingsJson;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;
import org.serverlessloyalty.shared.transaction.port.TransactionSettingsRepository;

/** Open Loyalty's store API, plus key rotation. */
final class StoreRoutes {

    private static final int MAX_PER_PAGE = 100;
    /** Open Loyalty's form name for a store: {@code store[code]=...}. */
    private static final String ROOT = "store";

    private final StoreDirectory stores;
    /** The stores' points settings ({@link PointsSettingsJson}); null leaves them out of the store routes. */
    private final PointsSettingsRepository pointsSettings;
    /** issue 10: h10-levels. The stores' level settings ({@link LevelSettingsJson}); null leaves them out. */
    private final LevelSettingsRepository levelSettings;
    /** issue 10: h10-tx. The stores' transaction settings ({@link TransactionSettingsJson}); null leaves them out. */
    private final TransactionSettingsRepository transactionSettings;
    private final Clock clock;

    StoreRoutes(StoreDirectory stores, PointsSettingsRepository pointsSettings, Clock clock) {
        this(stores, pointsSettings, null, null, clock);
    }

    StoreRoutes(StoreDirectory stores, PointsSettingsRepository pointsSettings, LevelSettingsRepository levelSettings,
                TransactionSettingsRepository transactionSettings, Clock clock) {
        this.stores = stores;
        this.pointsSettings = pointsSettings;
        this.levelSettings = levelSettings;
        this.transactionSettings = transactionSettings;
        this.clock = clock;
    }

    /** Open Loyalty's {@code store[...]} form or JSON, or this API's flat JSON ({@link StoreJson}). */
    ApiResponse create(ApiRequest request) {
        JsonFields body = OpenLoyaltyBody.parse(request, ROOT);
        Store settings = StoreJson.parseNew(body);
        try {
            var created = stores.create(settings);
            return ApiResponse.created(StoreJson.toJson(created.store(), created.apiKey(), created.publishableKey()));
        } catch (AlreadyExistsException e) {
            throw ApiException.conflict("Store " + settings.code() + " already exists",
                    FieldErrors.single(body.path("code"), "already exists: " + settings.code()));
        }
    }

    /** The store with its points settings (Open Loyalty's defaults when it never set any). */
    ApiResponse get(ApiRequest request) {
        Store store = existing(request);
        Map<String, Object> json = StoreJson.toJson(store);
        if (pointsSettings != null) {
            json.putAll(PointsSettingsJson.toJson(pointsSettings.find(store.code()).orElse(PointsSettings.DEFAULTS)));
        }
        if (levelSettings != null) {
            json.putAll(LevelSettingsJson.toJson(levelSettings.find(store.code()).orElse(LevelSettings.DEFAULTS)));
        }
        // issue 10: h10-tx
        if (transactionSettings != null) {
            json.putAll(TransactionSettingsJson.toJson(
                    transactionSettings.find(store.code()).orElse(TransactionSettings.DEFAULTS)));
        }
        return ApiResponse.ok(json);
    }

    /** Open Loyalty answers a store update with 204. The points settings given change too; every field is read first. */
    ApiResponse update(ApiRequest request) {
        Store existing = existing(request);
        JsonFields body = OpenLoyaltyBody.parse(request, ROOT);
        PointsSettings points = null;
        if (pointsSettings != null && PointsSettingsJson.givesAny(body)) {
            points = PointsSettingsJson.parse(body,
                    pointsSettings.find(existing.code()).orElse(PointsSettings.DEFAULTS));
        }
        // issue 10: h10-levels
        LevelSettings levels = null;
        if (levelSettings != null && LevelSettingsJson.givesAny(body)) {
            levels = LevelSettingsJson.parse(body, levelSettings.find(existing.code()).orElse(LevelSettings.DEFAULTS));
        }
        // issue 10: h10-tx
        TransactionSettings transactions = null;
        if (transactionSettings != null && TransactionSettingsJson.givesAny(body)) {
            transactions = TransactionSettingsJson.parse(body,
                    transactionSettings.find(existing.code()).orElse(TransactionSettings.DEFAULTS));
        }
        java.util.Set<String> more = new java.util.HashSet<>();
        if (pointsSettings != null) {
            more.addAll(PointsSettingsJson.FIELDS);
        }
        if (levelSettings != null) {
            more.addAll(LevelSettingsJson.FIELDS);
        }
        if (transactionSettings != null) {
            more.addAll(TransactionSettingsJson.FIELDS);
        }
        Store changed = StoreJson.parseUpdate(body, existing, more);
        if (!stores.update(changed)) {
            throw ApiException.notFound("Store " + existing.code());
        }
        if (points != null) {
            pointsSettings.save(existing.code(), points, clock.instant());
        }
        if (levels != null) {
            levelSettings.save(existing.code(), levels, clock.instant());
        }
        if (transactions != null) {
            transactionSettings.save(existing.code(), transactions, clock.instant());
        }
        return ApiResponse.noContent();
    }

    /** {@code ?key=api} (default) rotates the storefront key, {@code ?key=publishable} the beacon key. */
    ApiResponse rotateKey(ApiRequest request) {
        StoreCode code = storeCode(request);
        String which = request.queryParameter("key").orElse("api");
        if (!which.equals("api") && !which.equals("publishable")) {
            throw ApiException.badRequest(FieldErrors.single("key", "must be api or publishable"));
        }
        boolean publishable = which.equals("publishable");
        String key = (publishable ? stores.rotatePublishableKey(code) : stores.rotateKey(code))
                .orElseThrow(() -> ApiException.notFound("Store " + code));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code.value());
        body.put(publishable ? "publishableKey" : "apiKey", key);
        return ApiResponse.ok(body);
    }

    /** {@code ?page=1&perPage=10} as in Open Loyalty, in store-code order. */
    ApiResponse list(ApiRequest request) {
        FieldErrors errors = FieldErrors.none();
        int page = QueryParameters.integer(request, "page", 1, 10_000, 1, errors);
        int perPage = QueryParameters.integer(request, "perPage", 1, MAX_PER_PAGE, 10, errors);
        errors.throwIfAny();
        var upToPage = stores.list(null, page * perPage + 1);
        int from = Math.min(upToPage.size(), (page - 1) * perPage);
        int to = Math.min(upToPage.size(), page * perPage);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stores", upToPage.subList(from, to).stream().map(StoreJson::toJson).toList());
        body.put("page", page);
        body.put("perPage", perPage);
        body.put("hasMore", upToPage.size() > page * perPage);
        return ApiResponse.ok(body);
    }

    private Store existing(ApiRequest request) {
        StoreCode code = storeCode(request);
        return stores.find(code).orElseThrow(() -> ApiException.notFound("Store " + code));
    }

    static StoreCode storeCode(ApiRequest request) {
        String raw = request.pathParameter("storeCode");
        if (!StoreCode.isValid(raw)) {
            throw ApiException.notFound("Store " + PlainText.excerpt(raw));
        }
        return new StoreCode(raw);
    }
}
