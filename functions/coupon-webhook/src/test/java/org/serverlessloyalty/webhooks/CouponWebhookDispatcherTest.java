package org.serverlessloyalty.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.webhook.json.WebhookMessages;
import org.serverlessloyalty.shared.webhook.model.Delivery;
import org.serverlessloyalty.shared.webhook.model.DeliveryStatus;
import org.serverlessloyalty.shared.webhook.model.WebhookConfig;
import org.serverlessloyalty.shared.webhook.port.WebhookStore;
import org.serverlessloyalty.shared.webhook.rules.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery rules against in-memory fakes: signing, backoff, the retry window, the rate limit, idempotency. */
class CouponWebhookDispatcherTest {

    private static final StoreCode STORE = new StoreCode("shop");
    private static final String SECRET = WebhookSignature.newSecret();
    private static final WebhookSettings SETTINGS = new WebhookSettings(30, Duration.ofHours(24), 2, 2000, 5000,
            Duration.ZERO);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeStore store = new FakeStore();
    private final FakeQueue queue = new FakeQueue();
    private final List<Map<String, String>> posted = new ArrayList<>();
    private final AtomicReference<WebhookSender.Result> answer = new AtomicReference<>(new WebhookSender.Result(200, null));
    private final CouponWebhookDispatcher dispatcher = new CouponWebhookDispatcher(store, queue, (url, headers, body) -> {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("url", url);
        h.put("body", body);
        posted.add(h);
        return answer.get();
    }, SETTINGS, BusinessMetrics.NONE, clock, new SplittableRandom(7));

    private Delivery pending() {
        store.configs.put(STORE, new WebhookConfig(STORE, "https://shop.example/coupons", true, SECRET, clock.instant(),
                clock.instant()));
        Delivery d = Delivery.pending(STORE, "CODE1", "{\"code\":\"CODE1\"}", clock.instant());
        store.createDeliveries(List.of(d));
        return d;
    }

    private CouponWebhookDispatcher.Outcome deliver(Delivery d) {
        return dispatcher.handle(WebhookMessages.deliver(STORE.value(), d.deliveryId()), "receipt-1");
    }

    @Test
    void a2xxMarksItDeliveredWithSignedStandardWebhookHeaders() {
        Delivery d = pending();

        assertThat(deliver(d)).isEqualTo(CouponWebhookDispatcher.Outcome.DONE);

        assertThat(posted).hasSize(1);
        var h = posted.get(0);
        assertThat(h.get("url")).isEqualTo("https://shop.example/coupons");
        assertThat(h.get("content-type")).isEqualTo("application/json");
        assertThat(h.get("webhook-id")).isEqualTo(d.deliveryId()).startsWith("msg_");
        assertThat(h.get("webhook-timestamp")).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(h.get("webhook-signature")).isEqualTo(WebhookSignature.sign(SECRET, d.deliveryId(),
                clock.instant().getEpochSecond(), "{\"code\":\"CODE1\"}"));
        assertThat(h.get("body")).isEqualTo("{\"code\":\"CODE1\"}");
        assertThat(store.get(d).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(store.get(d).attempts()).isEqualTo(1);
        assertThat(queue.visibility).isEmpty();
    }

    @Test
    void aFailureIsRetriedWithJitteredBackoffAndTheSameWebhookId() {
        Delivery d = pending();
        answer.set(new WebhookSender.Result(500, "HTTP 500"));

        assertThat(deliver(d)).isEqualTo(CouponWebhookDispatcher.Outcome.RETRY);
        assertThat(queue.visibility).hasSize(1);
        assertThat(queue.visibility.get(0)).isBetween(1L, 30L);
        assertThat(store.get(d).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(store.get(d).attempts()).isEqualTo(1);
        assertThat(store.get(d).lastError()).isEqualTo("HTTP 500");
        assertThat(store.get(d).lastStatusCode()).isEqualTo(500);

        clock.advance(Duration.ofSeconds(40));
        answer.set(new WebhookSender.Result(0, "ConnectException: Connection refused"));
        assertThat(deliver(d)).isEqualTo(CouponWebhookDispatcher.Outcome.RETRY);
        assertThat(queue.visibility.get(1)).isBetween(1L, 60L);
        assertThat(store.get(d).attempts()).isEqualTo(2);
        assertThat(store.get(d).lastStatusCode()).isNull();
        assertThat(posted).extracting(p -> p.get("webhook-id")).containsOnly(d.deliveryId());
        assertThat(store.get(d).firstAttemptAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void pastTheRetryWindowItIsFailedAndDeadLettered() {
        Delivery d = pending();
        answer.set(new WebhookSender.Result(503, "HTTP 503"));
        deliver(d);
        clock.advance(Duration.ofHours(23).plusMinutes(59).plusSeconds(59));
        // a later attempt whose next try would fall after firstAttempt + 24 h ends it
        assertThat(deliver(d)).isEqualTo(CouponWebhookDispatcher.Outcome.DONE);

        assertThat(store.get(d).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(store.get(d).lastError()).isEqualTo("HTTP 503");
        assertThat(queue.deadLetters).containsExactly(WebhookMessages.deliver(STORE.value(), d.deliveryId()));
    }

    @Test
    void aRefusedAddressIsFailedAtOnceAndDeadLetteredWithoutRetries() {
        Delivery d = pending();
        answer.set(WebhookSender.Result.refusedAddress());

        assertThat(deliver(d)).isEqualTo(CouponWebhookDispatcher.Outcome.DONE);

        assertThat(store.get(d).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(store.get(d).lastError()).isEqualTo("address not allowed");
        assertThat(store.get(d).attempts()).isEqualTo(1);
        assertThat(queue.visibility).isEmpty();
        assertThat(queue.deadLetters).containsExactly(WebhookMessages.deliver(STORE.value(), d.deliveryId()));
    }

    @Test
    void overTheRateLimitItWaitsWithoutPosting() {
        Delivery a = pending();
        Delivery b = Delivery.pending(STORE, "CODE2", "{}", clock.instant());
        Delivery c = Delivery.pending(STORE, "CODE3", "{}", clock.instant());
        store.createDeliveries(List.of(b, c));

        assertThat(deliver(a)).isEqualTo(CouponWebhookDispatcher.Outcome.DONE);
        assertThat(deliver(b)).isEqualTo(CouponWebhookDispatcher.Outcome.DONE);
        assertThat(deliver(c)).isEqualTo(CouponWebhookDispatcher.Outcome.RETRY);

        assertThat(posted).hasSize(2);
        assertThat(queue.visibility).singleElement().satisfies(s -> assertThat(s).isBetween(1L, 2L));
        assertThat(store.get(c).attempts()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(deliver(c)).isEqualTo(CouponWebhookDispatcher.Outcome.DONE);
        assertThat(posted).hasSize(3);
    }

    @Test
    void aDeliveredDeliveryIsNotPostedAgain() {
        Delivery d = pending();
        deliver(d);
        assertThat(deliver(d)).isEqualTo(CouponWebhookDispatcher.Outcome.DONE);
        assertThat(posted).hasSize(1);
    }

    @Test
    void aWebhookDisabledMeanwhileFailsTheDeliveryInsteadOfRetryingForever() {
        Delivery d = pending();
        store.configs.put(STORE, new WebhookConfig(STORE, "https://shop.example/coupons", false, SECRET,
                clock.instant(), clock.instant()));

        assertThat(deliver(d)).isEqualTo(CouponWebhookDispatcher.Outcome.DONE);

        assertThat(posted).isEmpty();
        assertThat(store.get(d).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(store.get(d).lastError()).isEqualTo("webhook disabled");
    }

    @Test
    void couponsCreatedFansOutIntoOneDeliverMessagePerDelivery() {
        Delivery a = Delivery.pending(STORE, "A", "{\"code\":\"A\"}", clock.instant());
        Delivery b = Delivery.pending(STORE, "B", "{\"code\":\"B\"}", clock.instant());

        assertThat(dispatcher.handle(WebhookMessages.couponsCreated(STORE.value(), List.of(a, b)), "r"))
                .isEqualTo(CouponWebhookDispatcher.Outcome.DONE);

        assertThat(queue.sent).containsExactly(WebhookMessages.deliver("shop", a.deliveryId()),
                WebhookMessages.deliver("shop", b.deliveryId()));
    }

    // ------------------------------------------------------------------ fakes

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final class FakeQueue implements DeliveryQueue {
        final List<String> sent = new ArrayList<>();
        final List<Long> visibility = new ArrayList<>();
        final List<String> deadLetters = new ArrayList<>();

        @Override
        public void sendDeliveries(List<String> bodies) {
            sent.addAll(bodies);
        }

        @Override
        public void retryAfter(String receiptHandle, long seconds) {
            visibility.add(seconds);
        }

        @Override
        public void deadLetter(String body) {
            deadLetters.add(body);
        }
    }

    static final class FakeStore implements WebhookStore {
        final Map<StoreCode, WebhookConfig> configs = new HashMap<>();
        final Map<String, Delivery> deliveries = new HashMap<>();
        final Map<String, Integer> rate = new HashMap<>();

        Delivery get(Delivery d) {
            return deliveries.get(d.deliveryId());
        }

        @Override
        public Optional<WebhookConfig> config(StoreCode store) {
            return Optional.ofNullable(configs.get(store));
        }

        @Override
        public void saveConfig(WebhookConfig config) {
            configs.put(config.store(), config);
        }

        @Override
        public void createDeliveries(List<Delivery> list) {
            list.forEach(d -> deliveries.put(d.deliveryId(), d));
        }

        @Override
        public Optional<Delivery> delivery(StoreCode store, String deliveryId) {
            return Optional.ofNullable(deliveries.get(deliveryId));
        }

        private void put(Delivery d, DeliveryStatus status, int attempts, String error, Integer code, Instant first,
                         Instant next, Instant delivered) {
            deliveries.put(d.deliveryId(), new Delivery(d.store(), d.deliveryId(), d.code(), d.body(), status, attempts,
                    error, code, d.createdAt(), first, next, delivered));
        }

        @Override
        public void markDelivered(Delivery d, int attempts, int statusCode, Instant first, Instant now) {
            put(d, DeliveryStatus.DELIVERED, attempts, null, statusCode, first, null, now);
        }

        @Override
        public void markRetry(Delivery d, int attempts, String error, Integer statusCode, Instant first, Instant next,
                              Instant now) {
            put(d, DeliveryStatus.PENDING, attempts, error, statusCode, first, next, null);
        }

        @Override
        public void markFailed(Delivery d, int attempts, String error, Integer statusCode, Instant first, Instant now) {
            put(d, DeliveryStatus.FAILED, attempts, error, statusCode, first, null, null);
        }

        @Override
        public void resetPending(Delivery d, Instant now) {
            put(d, DeliveryStatus.PENDING, 0, d.lastError(), d.lastStatusCode(), null, null, null);
        }

        @Override
        public Page list(StoreCode store, DeliveryStatus status, int limit, String cursor) {
            return new Page(deliveries.values().stream().filter(d -> d.status() == status).toList(), null);
        }

        @Override
        public Page listAll(StoreCode store, int limit, String cursor) {
            return new Page(List.copyOf(deliveries.values()), null);
        }

        @Override
        public boolean tryAcquire(StoreCode store, long epochSecond, int limit) {
            String key = store.value() + "#" + epochSecond;
            int n = rate.getOrDefault(key, 0);
            if (n >= limit) {
                return false;
            }
            rate.put(key, n + 1);
            return true;
        }
    }
}
