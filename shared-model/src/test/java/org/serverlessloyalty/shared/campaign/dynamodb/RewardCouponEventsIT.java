package org.serverlessloyalty.shared.campaign.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.service.RewardCouponEvents;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.testing.RewardFixtures;
import org.serverlessloyalty.shared.webhook.dynamodb.DynamoDbWebhookStore;
import org.serverlessloyalty.shared.webhook.model.Delivery;
import org.serverlessloyalty.shared.webhook.model.DeliveryStatus;
import org.serverlessloyalty.shared.webhook.model.WebhookConfig;
import org.serverlessloyalty.shared.webhook.port.WebhookStore;
import org.serverlessloyalty.shared.webhook.service.CouponCreatedEvents;

/**
 * The coupon-created events of bought rewards on the in-process DynamoDB: handed over once after the purchase, and
 * found again by the sweep when a crash came between the purchase's commit and the hand-over.
 */
class RewardCouponEventsIT {

    private static final CampaignId CAMPAIGN = new CampaignId(UUID.randomUUID().toString());
    private static LocalTable table;
    private static DynamoDbBoughtRewards rewards;
    private static DynamoDbWebhookStore webhooks;
    private static RewardFixtures fixtures;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        rewards = new DynamoDbBoughtRewards(table.client(), table.name());
        webhooks = new DynamoDbWebhookStore(table.client(), table.name());
        fixtures = new RewardFixtures(table.client(), table.name());
    }

    /** A store with its webhook on. */
    private static StoreCode store() {
        StoreCode store = new StoreCode("ev-" + UUID.randomUUID().toString().substring(0, 8));
        webhooks.saveConfig(new WebhookConfig(store, "https://shop.example/coupons", true, "whsec_AAAA",
                Instant.now(), Instant.now()));
        return store;
    }

    private static Purchase bought(StoreCode store) {
        String code = "EV" + UUID.randomUUID().toString().substring(0, 10).toUpperCase(Locale.ROOT);
        return fixtures.write(store, RewardFixtures.purchase(UUID.randomUUID().toString(), CAMPAIGN, code,
                Instant.now(), null, null));
    }

    private static RewardCouponEvents events(WebhookStore store, List<String> sent, Clock clock) {
        return new RewardCouponEvents(rewards, new DynamoDbGiftCodeRepository(table.client(), table.name()),
                new CouponCreatedEvents(store, sent::addAll, BusinessMetrics.NONE, clock), clock);
    }

    /** Two minutes later: past {@link RewardCouponEvents#SETTLE}. */
    private static Clock later() {
        return Clock.fixed(Instant.now().plus(Duration.ofMinutes(2)), ZoneOffset.UTC);
    }

    private static List<String> sentCodes(List<String> messages) {
        List<String> codes = new ArrayList<>();
        for (String m : messages) {
            JsonNode message = Json.parseObject(m.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            message.get("codes").forEach(c -> codes.add(c.get("code").asText()));
        }
        return codes;
    }

    private static List<String> pendingCodes(StoreCode store) {
        return webhooks.list(store, DeliveryStatus.PENDING, 50, null).items().stream().map(Delivery::code).toList();
    }

    @Test
    void aPurchasesCouponsAreHandedOverOnceAndTheSweepFindsNothingLeft() {
        StoreCode store = store();
        Purchase p = bought(store);
        List<String> sent = new ArrayList<>();

        events(webhooks, sent, Clock.systemUTC()).issued(store, List.of(p));

        assertThat(pendingCodes(store)).containsExactly(p.code());
        assertThat(sent).hasSize(1);
        assertThat(sentCodes(sent)).containsExactly(p.code());
        assertThat(events(webhooks, sent, later()).sweep(store)).isZero();
        assertThat(pendingCodes(store)).hasSize(1);
    }

    @Test
    void aCrashBetweenThePurchaseAndTheWebhookLosesNoEvent() {
        StoreCode store = store();
        // The purchase committed (its rewards carry the due mark), then the function died before issued() ran.
        Purchase first = bought(store);
        Purchase second = bought(store);
        List<String> sent = new ArrayList<>();

        assertThat(events(webhooks, sent, Clock.systemUTC()).sweep(store)).as("too recent: maybe still handing over")
                .isZero();
        assertThat(events(webhooks, sent, later()).sweep(store)).isEqualTo(2);

        assertThat(pendingCodes(store)).containsExactlyInAnyOrder(first.code(), second.code());
        assertThat(sentCodes(sent)).containsExactlyInAnyOrder(first.code(), second.code());
        assertThat(events(webhooks, sent, later()).sweep(store)).as("handed over once").isZero();
        assertThat(sent).hasSize(1);
    }

    @Test
    void recordsThatCouldNotBeWrittenKeepTheMarkForTheSweep() {
        StoreCode store = store();
        Purchase p = bought(store);
        WebhookStore failing = new FailingRecords(webhooks);

        // issued() never throws: the purchase is done whatever the webhook's state.
        events(failing, new ArrayList<>(), Clock.systemUTC()).issued(store, List.of(p));
        assertThat(pendingCodes(store)).isEmpty();

        List<String> sent = new ArrayList<>();
        assertThat(events(webhooks, sent, later()).sweep(store)).isEqualTo(1);
        assertThat(sentCodes(sent)).containsExactly(p.code());
    }

    @Test
    void aRewardWithoutACodeHasNoEvent() {
        StoreCode store = store();
        Purchase cashback = fixtures.write(store, RewardFixtures.purchase(UUID.randomUUID().toString(), CAMPAIGN, "",
                Instant.now(), null, null));
        List<String> sent = new ArrayList<>();
        events(webhooks, sent, later()).issued(store, List.of(cashback));
        assertThat(events(webhooks, sent, later()).sweep(store)).isZero();
        assertThat(sent).isEmpty();
    }

    /** The webhook store, except that writing delivery records fails (an outage, a crash in BatchWriteItem). */
    private record FailingRecords(WebhookStore delegate) implements WebhookStore {
        @Override
        public java.util.Optional<WebhookConfig> config(StoreCode store) {
            return delegate.config(store);
        }

        @Override
        public void saveConfig(WebhookConfig config) {
            delegate.saveConfig(config);
        }

        @Override
        public void createDeliveries(List<Delivery> deliveries) {
            throw new IllegalStateException("BatchWriteItem failed");
        }

        @Override
        public java.util.Optional<Delivery> delivery(StoreCode store, String deliveryId) {
            return delegate.delivery(store, deliveryId);
        }

        @Override
        public void markDelivered(Delivery d, int attempts, int statusCode, Instant firstAttemptAt, Instant now) {
            delegate.markDelivered(d, attempts, statusCode, firstAttemptAt, now);
        }

        @Override
        public void markRetry(Delivery d, int attempts, String error, Integer statusCode, Instant firstAttemptAt,
                              Instant nextAttemptAt, Instant now) {
            delegate.markRetry(d, attempts, error, statusCode, firstAttemptAt, nextAttemptAt, now);
        }

        @Override
        public void markFailed(Delivery d, int attempts, String error, Integer statusCode, Instant firstAttemptAt,
                               Instant now) {
            delegate.markFailed(d, attempts, error, statusCode, firstAttemptAt, now);
        }

        @Override
        public void resetPending(Delivery d, Instant now) {
            delegate.resetPending(d, now);
        }

        @Override
        public Page list(StoreCode store, DeliveryStatus status, int limit, String cursor) {
            return delegate.list(store, status, limit, cursor);
        }

        @Override
        public Page listAll(StoreCode store, int limit, String cursor) {
            return delegate.listAll(store, limit, cursor);
        }

        @Override
        public boolean tryAcquire(StoreCode store, long epochSecond, int limit) {
            return delegate.tryAcquire(store, epochSecond, limit);
        }
    }
}
