package org.serverlessloyalty.shared.webhook.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.webhook.model.Delivery;

/**
 * The coupon-webhook queue's messages: {@code {"kind":"COUPONS_CREATED","store":..,"deliveries":[{"deliveryId",..}],
 * "codes":[<spec body>...]}} (one per chunk of created codes) and {@code {"kind":"DELIVER","store":..,"deliveryId":..}}.
 */
public final class WebhookMessages {

    public static final String COUPONS_CREATED = "COUPONS_CREATED";
    public static final String DELIVER = "DELIVER";
    /** Codes per COUPONS_CREATED message: 100 spec bodies stay well under SQS's 256 KiB. */
    public static final int CODES_PER_MESSAGE = 100;

    private WebhookMessages() {
    }

    public static String couponsCreated(String store, List<Delivery> deliveries) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", COUPONS_CREATED);
        json.put("store", store);
        json.put("deliveryIds", deliveries.stream().map(Delivery::deliveryId).toList());
        json.put("codes", deliveries.stream().map(d -> rawJson(d.body())).toList());
        return Json.write(json);
    }

    public static String deliver(String store, String deliveryId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", DELIVER);
        json.put("store", store);
        json.put("deliveryId", deliveryId);
        return Json.write(json);
    }

    public static JsonNode read(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Not a webhook message: " + e.getMessage(), e);
        }
    }

    private static JsonNode rawJson(String body) {
        return read(body);
    }
}
