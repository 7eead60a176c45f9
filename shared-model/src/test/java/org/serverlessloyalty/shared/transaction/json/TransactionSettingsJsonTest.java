package org.serverlessloyalty.shared.transaction.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.transaction.model.OrderPointsSource;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;

class TransactionSettingsJsonTest {

    private static JsonFields json(String body) {
        return OpenLoyaltyBody.parse(OpenLoyaltyBody.JSON, body.getBytes(StandardCharsets.UTF_8), "store");
    }

    @Test
    void readsOpenLoyaltysPriorityObjectsInPriorityOrderAndKeepsWhatTheBodyLeavesOut() {
        JsonFields body = json("{\"store\":{\"customersIdentificationPriority\":[{\"priority\":2,\"field\":\"phone\"},"
                + "{\"priority\":1,\"field\":\"email\"}],\"excludedDeliverySKUs\":\"SHIP;POST\"}}");
        TransactionSettings read = TransactionSettingsJson.parse(body, TransactionSettings.DEFAULTS);
        assertThat(body.errors().list()).isEmpty();
        assertThat(read.identificationPriority()).containsExactly(ClaimKind.EMAIL, ClaimKind.PHONE);
        assertThat(read.excludedDeliverySkus()).containsExactlyInAnyOrder("SHIP", "POST");
        assertThat(read.returns()).isFalse();
        assertThat(read.orderPointsSource()).isEqualTo(OrderPointsSource.RULES);
    }

    @Test
    void namesEachBadSetting() {
        JsonFields body = json("{\"store\":{\"customersIdentificationPriority\":[\"email\",\"fax\",\"email\"],"
                + "\"orderPointsSource\":\"shop\",\"returns\":[1]}}");
        TransactionSettingsJson.parse(body, TransactionSettings.DEFAULTS);
        assertThat(body.errors().list()).extracting(FieldErrors.FieldError::field).containsExactlyInAnyOrder(
                "store[customersIdentificationPriority][1]", "store[customersIdentificationPriority][2]",
                "store[orderPointsSource]", "store[returns]");
    }

    @Test
    void showsThePriorityAsOpenLoyaltyDoes() {
        Map<String, Object> shown = TransactionSettingsJson.toJson(TransactionSettings.DEFAULTS);
        assertThat(shown.get("customersIdentificationPriority")).isEqualTo(List.of(
                Map.of("priority", 1, "field", "phone"), Map.of("priority", 2, "field", "loyaltyCardNumber"),
                Map.of("priority", 3, "field", "email")));
        assertThat(shown).containsEntry("orderPointsSource", "rules").containsEntry("beaconEarns", false);
    }
}
