package org.serverlessloyalty.admin.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.webhook.json.WebhookMessages;
import org.serverlessloyalty.shared.webhook.model.Delivery;
import org.serverlessloyalty.shared.webhook.model.DeliveryStatus;
import org.serverlessloyalty.shared.webhook.model.WebhookConfig;
import org.serverlessloyalty.shared.webhook.port.WebhookStore;
import org.serverlessloyalty.shared.webhook.rules.WebhookSignature;
import org.serverlessloyalty.shared.webhook.rules.WebhookUrls;
import org.serverlessloyalty.shared.webhook.port.WebhookQueue;

/**
 * {@code /api/{storeCode}/admin/webhooks/coupon-created}: the store's webhook configuration (the secret is shown
 * when it is issued, never again), its deliveries by status, and the redrive of failed ones.
 */
public final class WebhookRoutes {

    /** A PENDING delivery this old is presumed lost in transit (its message was never sent) and is redriven too. */
    static final Duration STALE_PENDING = Duration.ofSeconds(60);
    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 200;

    private final Function<ApiRequest, Store> stores;
    private final WebhookStore webhooks;
    private final WebhookQueue queue;
    private final Clock clock;
    private final boolean loopbackAllowed;
    private final ToIntFunction<StoreCode> strandedRewardEvents;

    /** @param loopbackAllowed whether a webhook may point at loopback: only while the local stack runs */
    public WebhookRoutes(Function<ApiRequest, Store> stores, WebhookStore webhooks, WebhookQueue queue, Clock clock,
                         boolean loopbackAllowed) {
        this(stores, webhooks, queue, clock, loopbackAllowed, store -> 0);
    }

    /**
     * @param strandedRewardEvents issue 11 (h11-bought): hands over the coupon-created events of bought rewards that a
     *                             crash kept from being handed over ({@code RewardCouponEvents.sweep}); the redrive
     *                             runs it first, so their deliveries go out with the others
     */
    public WebhookRoutes(Function<ApiRequest, Store> stores, WebhookStore webhooks, WebhookQueue queue, Clock clock,
                         boolean loopbackAllowed, ToIntFunction<StoreCode> strandedRewardEvents) {
        this.stores = stores;
        this.webhooks = webhooks;
        this.queue = queue;
        this.clock = clock;
        this.loopbackAllowed = loopbackAllowed;
        this.strandedRewardEvents = strandedRewardEvents;
    }

    public ApiResponse put(ApiRequest request) {
        Store store = stores.apply(request);
        FieldErrors errors = FieldErrors.none();
        JsonFields json = JsonFields.root(Json.parseObject(request.body()), errors);
        json.rejectUnknown(Set.of("url", "enabled"));
        json.require("url");
        String url = json.string("url", 2000);
        Boolean enabled = json.bool("enabled");
        if (url != null) {
            WebhookUrls.problem(url, loopbackAllowed).ifPresent(problem -> errors.add(json.path("url"), problem));
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        var existing = webhooks.config(store.code());
        boolean isNew = existing.isEmpty();
        WebhookConfig config = isNew
                ? new WebhookConfig(store.code(), url, enabled == null || enabled, WebhookSignature.newSecret(), now, now)
                : new WebhookConfig(store.code(), url, enabled == null ? existing.get().enabled() : enabled,
                        existing.get().secret(), existing.get().createdAt(), now);
        webhooks.saveConfig(config);
        return ApiResponse.ok(json(config, isNew));
    }

    public ApiResponse get(ApiRequest request) {
        Store store = stores.apply(request);
        return ApiResponse.ok(json(config(store), false));
    }

    public ApiResponse rotateSecret(ApiRequest request) {
        Store store = stores.apply(request);
        WebhookConfig old = config(store);
        WebhookConfig config = new WebhookConfig(store.code(), old.url(), old.enabled(), WebhookSignature.newSecret(),
                old.createdAt(), clock.instant());
        webhooks.saveConfig(config);
        return ApiResponse.ok(json(config, true));
    }

    public ApiResponse deliveries(ApiRequest request) {
        Store store = stores.apply(request);
        FieldErrors errors = FieldErrors.none();
        // No status lists every delivery, newest first.
        String rawStatus = request.queryParameter("status").orElse(null);
        DeliveryStatus status = null;
        if (rawStatus != null) {
            try {
                status = DeliveryStatus.valueOf(rawStatus);
            } catch (IllegalArgumentException e) {
                errors.add("status", "must be one of PENDING, DELIVERED, FAILED");
            }
        }
        int limit = DEFAULT_PAGE;
        String rawLimit = request.queryParameter("limit").orElse(null);
        if (rawLimit != null) {
            try {
                limit = Integer.parseInt(rawLimit);
                if (limit < 1 || limit > MAX_PAGE) {
                    errors.add("limit", "must be between 1 and " + MAX_PAGE);
                }
            } catch (NumberFormatException e) {
                errors.add("limit", "must be a whole number");
            }
        }
        errors.throwIfAny();
        WebhookStore.Page page;
        try {
            String cursor = request.queryParameter("next").orElse(null);
            page = status == null ? webhooks.listAll(store.code(), limit, cursor)
                    : webhooks.list(store.code(), status, limit, cursor);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(FieldErrors.single("next", "is not a cursor of this list"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deliveries", page.items().stream().map(WebhookRoutes::json).toList());
        body.put("next", page.next());
        return ApiResponse.ok(body);
    }

    public ApiResponse redrive(ApiRequest request) {
        Store store = stores.apply(request);
        // Their records are written (and their messages sent) now; a record whose message is lost is PENDING, below.
        strandedRewardEvents.applyAsInt(store.code());
        Instant now = clock.instant();
        List<Delivery> due = new ArrayList<>(all(store, DeliveryStatus.FAILED));
        for (Delivery d : all(store, DeliveryStatus.PENDING)) {
            Instant last = d.nextAttemptAt() != null ? d.nextAttemptAt() : d.createdAt();
            if (last != null && last.plus(STALE_PENDING).isBefore(now)) {
                due.add(d);
            }
        }
        List<String> messages = new ArrayList<>();
        for (Delivery d : due) {
            webhooks.resetPending(d, now);
            messages.add(WebhookMessages.deliver(store.code().value(), d.deliveryId()));
        }
        queue.send(messages);
        return new ApiResponse(202, Map.of("redriven", due.size()));
    }

    private List<Delivery> all(Store store, DeliveryStatus status) {
        List<Delivery> all = new ArrayList<>();
        String next = null;
        do {
            var page = webhooks.list(store.code(), status, MAX_PAGE, next);
            all.addAll(page.items());
            next = page.next();
        } while (next != null);
        return all;
    }

    private WebhookConfig config(Store store) {
        return webhooks.config(store.code())
                .orElseThrow(() -> ApiException.notFound("Coupon-created webhook of store " + store.code().value()));
    }

    static Map<String, Object> json(WebhookConfig config, boolean withSecret) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", config.url());
        json.put("enabled", config.enabled());
        if (withSecret) {
            json.put("secret", config.secret());
        }
        json.put("createdAt", config.createdAt().toString());
        json.put("updatedAt", config.updatedAt().toString());
        return json;
    }

    static Map<String, Object> json(Delivery d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("deliveryId", d.deliveryId());
        json.put("code", d.code());
        json.put("status", d.status().name());
        json.put("attempts", d.attempts());
        json.put("lastError", d.lastError());
        json.put("lastStatusCode", d.lastStatusCode());
        json.put("createdAt", text(d.createdAt()));
        json.put("firstAttemptAt", text(d.firstAttemptAt()));
        json.put("nextAttemptAt", text(d.nextAttemptAt()));
        json.put("deliveredAt", text(d.deliveredAt()));
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
