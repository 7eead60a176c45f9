package org.serverlessloyalty.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.testing.ApiEvents.json;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsSettings;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.service.PointsSettingsCache;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.shared.testing.LocalTable;

/** A store's points settings through its own routes ({@code PUT} and {@code GET /api/store/{storeCode}}). */
class StorePointsSettingsIT {

    private static final String ADMIN_KEY = "settings-admin-key";
    private static LocalTable table;
    private static AdminHandler handler;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        handler = table.lambdaHandler(AdminHandler::new, Map.of("ADMIN_API_KEY", ADMIN_KEY));
    }

    private static APIGatewayV2HTTPResponse admin(ApiEvents event) {
        return handler.handleRequest(event.bearer(ADMIN_KEY).build(), null);
    }

    private static void createStore(String code) {
        var created = admin(ApiEvents.route("POST /api/store").body(Map.of("code", code, "name", "Shop",
                "currency", "EUR", "timezone", "Europe/Paris")));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(201);
    }

    @Test
    void aStoreShowsOpenLoyaltysDefaultsUntilItSetsItsOwn() {
        createStore("pts-1");
        var read = json(admin(ApiEvents.route("GET /api/store/{storeCode}", "pts-1")));
        assertThat(read.get("pointsDaysExpiryAfter").asText()).isEqualTo("after_x_days");
        assertThat(read.get("pointsDaysActiveCount").asInt()).isEqualTo(90);
        assertThat(read.get("allTimeNotLocked").asBoolean()).isTrue();
        assertThat(read.get("customerStatusesEarning").toString()).isEqualTo("[\"active\"]");

        var put = admin(ApiEvents.route("PUT /api/store/{storeCode}", "pts-1").body(Map.of("store", Map.of(
                "name", "Renamed", "pointsDaysExpiryAfter", "at_the_end_of_the_month", "allTimeNotLocked", false,
                "pointsDaysLocked", 14, "customerStatusesSpending", List.of("active", "inactive")))));
        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(204);
        read = json(admin(ApiEvents.route("GET /api/store/{storeCode}", "pts-1")));
        assertThat(read.get("name").asText()).isEqualTo("Renamed");
        assertThat(read.get("pointsDaysExpiryAfter").asText()).isEqualTo("at_the_end_of_the_month");
        assertThat(read.get("pointsDaysLocked").asInt()).isEqualTo(14);
        assertThat(read.get("allTimeNotLocked").asBoolean()).isFalse();
        assertThat(read.get("customerStatusesSpending").toString()).isEqualTo("[\"active\",\"inactive\"]");

        // What the points ledger reads: the same settings, through its port.
        var source = new PointsSettingsCache(new DynamoDbPointsSettings(table.client(), table.name()),
                Duration.ofSeconds(30), Clock.systemUTC());
        assertThat(source.settings(new StoreCode("pts-1"))).isEqualTo(new PointsSettings(ExpiryMode.END_OF_MONTH, 90,
                14, java.util.Set.of("active"), java.util.Set.of("active", "inactive"), false));
    }

    @Test
    void badSettingsAreNamedWithTheStoresAndNothingIsWritten() {
        createStore("pts-2");
        var put = admin(ApiEvents.route("PUT /api/store/{storeCode}", "pts-2").body(Map.of("store", Map.of(
                "name", "Never", "currency", "ABC", "pointsDaysExpiryAfter", "sometimes",
                "customerStatusesEarning", List.of("blocked")))));
        assertThat(put.getStatusCode()).isEqualTo(400);
        assertThat(json(put).findValuesAsText("field")).containsExactlyInAnyOrder("store[currency]",
                "store[pointsDaysExpiryAfter]", "store[customerStatusesEarning][0]");
        var read = json(admin(ApiEvents.route("GET /api/store/{storeCode}", "pts-2")));
        assertThat(read.get("name").asText()).isEqualTo("Shop");
        assertThat(read.get("pointsDaysExpiryAfter").asText()).isEqualTo("after_x_days");
    }

    @Test
    void aFormBodySetsThemToo() {
        createStore("pts-3");
        var put = handler.handleRequest(ApiEvents.route("PUT /api/store/{storeCode}", "pts-3").bearer(ADMIN_KEY)
                .header("content-type", "application/x-www-form-urlencoded")
                .body("store[pointsDaysExpiryAfter]=all_time_active&store[customerStatusesEarning][0]=active"
                        + "&store[customerStatusesEarning][1]=inactive").build(), null);
        assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(204);
        var read = json(admin(ApiEvents.route("GET /api/store/{storeCode}", "pts-3")));
        assertThat(read.get("pointsDaysExpiryAfter").asText()).isEqualTo("all_time_active");
        assertThat(read.get("customerStatusesEarning").toString()).isEqualTo("[\"active\",\"inactive\"]");
    }
}
