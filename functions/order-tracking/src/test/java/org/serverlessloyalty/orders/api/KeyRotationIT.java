package org.serverlessloyalty.orders.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.orders.testing.OrderApi.body;
import static org.serverlessloyalty.orders.testing.OrderApi.withKey;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.orders.testing.OrderApi;
import org.serverlessloyalty.orders.testing.RecordingOrderQueue;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbPublishableKeys;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.ApiKey;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.shared.testing.CallCounter;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.testing.OrderLedgers;

/**
 * Key rotation seen by a warm order handler on the in-process DynamoDB, its store cache set to an hour so
 * nothing expires during the test: the new key works at once, and a flood of wrong keys reads the store
 * at most once per second (every DynamoDB call the handler makes is counted).
 */
class KeyRotationIT {

    private static final LocalTable TABLE = LocalTable.create();

    private final CallCounter calls = new CallCounter();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-15T10:00:00Z"));
    private final RecordingOrderQueue queue = new RecordingOrderQueue();
    private final StoreDirectory admin =
            new StoreDirectory(new DynamoDbStoreRepository(TABLE.client(), TABLE.name()), Clock.systemUTC());
    private StoreCode shop;
    private StoreDirectory.StoreWithKey created;
    private OrderApiHandler handler;

    @BeforeEach
    void warmHandler() {
        shop = new StoreCode("rot-" + UUID.randomUUID().toString().substring(0, 8));
        created = admin.create(new Store(shop, "Rotating", Currency.getInstance("EUR"), ZoneId.of("Europe/Paris"),
                Locale.FRENCH, true, null, null, null));
        var counted = TABLE.countedClient(calls);
        Duration hour = Duration.ofHours(1);
        handler = new OrderApiHandler(new StoreAccess(new DynamoDbStoreRepository(counted, TABLE.name()), hour, clock),
                new DynamoDbPublishableKeys(counted, TABLE.name(), hour, clock),
                OrderLedgers.onDynamoDb(counted, TABLE.name(), clock), queue, BusinessMetrics.NONE);
        assertThat(cibler(created.apiKey(), 1).getStatusCode()).as("warm: the store is cached").isEqualTo(202);
        assertThat(beacon(created.publishableKey(), "w-1").getStatusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(5));
    }

    private APIGatewayV2HTTPResponse cibler(String key, long orderId) {
        ObjectNode body = withKey(body("cibler-deposit-150chf-bonus-30.json"), key);
        ((ObjectNode) body.get("orderInformation")).put("orderId", orderId);
        return handler.handleRequest(ApiEvents.route(OrderApi.CIBLER_ORDER, shop.value()).body(body.toString()).build(), null);
    }

    private APIGatewayV2HTTPResponse citrusAd(String key) {
        return handler.handleRequest(ApiEvents.route(OrderApi.CITRUSAD_ORDERS).header("Authorization", "Basic " + key)
                .body(body("citrusad-single-item.json").toString()).build(), null);
    }

    private APIGatewayV2HTTPResponse beacon(String key, String orderId) {
        String query = "key=" + key + "&catid=c&ordid=" + orderId + "&ordts=2026-06-15T10%3A00%3A00Z&sesid=s"
                + "&procods=a&pris=1.00&quas=1";
        APIGatewayV2HTTPEvent event = ApiEvents.route(OrderApi.BEACON).build();
        event.setRawQueryString(query);
        event.setQueryStringParameters(OrderApi.joined(query));
        return handler.handleRequest(event, null);
    }

    @Test
    void aRotatedStoreKeyIsAcceptedAtOnceByAWarmHandlerAndTheOldOneThenRefused() {
        String rotated = admin.rotateKey(shop).orElseThrow();

        assertThat(cibler(rotated, 2).getStatusCode()).as("new key, CibleR").isEqualTo(202);
        assertThat(citrusAd(rotated).getStatusCode()).as("new key, CitrusAd").isEqualTo(200);
        assertThat(cibler(created.apiKey(), 3).getStatusCode()).as("old key, once the new hash is read").isEqualTo(401);
        assertThat(queue.reports()).extracting(r -> r.orderId()).contains("2");
    }

    @Test
    void aRotatedPublishableKeyIsAcceptedAtOnceByAWarmHandler() {
        String rotated = admin.rotatePublishableKey(shop).orElseThrow();

        assertThat(beacon(rotated, "w-2").getStatusCode()).isEqualTo(200);
        assertThat(beacon(created.publishableKey(), "w-3").getStatusCode()).isEqualTo(401);
    }

    @Test
    void aFloodOfWrongKeysReadsEachKeyItemAtMostOncePerSecond() {
        calls.reset();
        for (int i = 0; i < 300; i++) {
            clock.advance(Duration.ofMillis(10)); // 300 of each over 3 s
            assertThat(cibler(ApiKey.generate(shop), 100 + i).getStatusCode()).isEqualTo(401);
            assertThat(beacon(ApiKey.generatePublishable(shop), "guess-" + i).getStatusCode()).isEqualTo(401);
        }

        // The store item and the publishable-key item, each read again once per second: 3 s, 3 reads each.
        assertThat(calls.count("GetItem")).isEqualTo(6);
        assertThat(queue.reports()).hasSize(2); // the warm-up's two
    }
}
