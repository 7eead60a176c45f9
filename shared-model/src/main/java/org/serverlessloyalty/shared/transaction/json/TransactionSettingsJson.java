package org.serverlessloyalty.shared.transaction.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.transaction.model.OrderPointsSource;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;

/**
 * A store's transaction settings in the store body ({@code PUT/GET /api/store/{storeCode}}), beside its points
 * settings: Open Loyalty's {@code customersIdentificationPriority} (a list of {@code {"priority":1,"field":"phone"}},
 * or simply the fields in order), {@code returns}, {@code excludedDeliverySKUs}, and this engine's
 * {@code orderPointsSource} ({@code rules} | {@code reported}), {@code enrollShoppers}, {@code beaconEarns}.
 */
public final class TransactionSettingsJson {

    public static final String PRIORITY = "customersIdentificationPriority";
    public static final String RETURNS = "returns";
    public static final String DELIVERY_SKUS = "excludedDeliverySKUs";
    public static final String ORDER_POINTS_SOURCE = "orderPointsSource";
    public static final String ENROLL_SHOPPERS = "enrollShoppers";
    public static final String BEACON_EARNS = "beaconEarns";
    public static final Set<String> FIELDS = Set.of(PRIORITY, RETURNS, DELIVERY_SKUS, ORDER_POINTS_SOURCE,
            ENROLL_SHOPPERS, BEACON_EARNS);
    private static final Map<String, ClaimKind> IDENTIFIERS = Map.of("phone", ClaimKind.PHONE,
            "loyaltyCardNumber", ClaimKind.LOYALTY_CARD_NUMBER, "email", ClaimKind.EMAIL);

    private TransactionSettingsJson() {
    }

    public static boolean givesAny(JsonFields json) {
        return FIELDS.stream().anyMatch(f -> json.raw(f) != null);
    }

    /** {@code current} with the settings the body gives; problems recorded in {@code json.errors()}. */
    public static TransactionSettings parse(JsonFields json, TransactionSettings current) {
        List<ClaimKind> priority = current.identificationPriority();
        JsonNode raw = json.raw(PRIORITY);
        if (raw != null) {
            priority = priority(json, raw);
        }
        Boolean returns = json.bool(RETURNS);
        Set<String> delivery = current.excludedDeliverySkus();
        JsonNode skus = json.raw(DELIVERY_SKUS);
        if (skus != null) {
            if (skus.isTextual()) {
                // Open Loyalty's "a;b" text (section 4 item 18).
                String text = json.string(DELIVERY_SKUS, 2_000);
                delivery = new LinkedHashSet<>();
                if (text != null) {
                    for (String sku : text.split(";")) {
                        if (!sku.isBlank()) {
                            delivery.add(sku.strip());
                        }
                    }
                }
            } else {
                List<String> list = json.strings(DELIVERY_SKUS, 200, 255);
                delivery = list == null ? delivery : new LinkedHashSet<>(list);
            }
        }
        OrderPointsSource source = current.orderPointsSource();
        String sourceText = json.string(ORDER_POINTS_SOURCE, 16);
        if (sourceText != null) {
            try {
                source = OrderPointsSource.valueOf(sourceText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                json.errors().add(json.path(ORDER_POINTS_SOURCE), "must be rules or reported");
            }
        }
        Boolean enroll = json.bool(ENROLL_SHOPPERS);
        Boolean beacon = json.bool(BEACON_EARNS);
        return new TransactionSettings(priority, returns == null ? current.returns() : returns, delivery, source,
                enroll == null ? current.enrollShoppers() : enroll, beacon == null ? current.beaconEarns() : beacon);
    }

    private static List<ClaimKind> priority(JsonFields json, JsonNode raw) {
        if (!raw.isArray()) {
            json.errors().add(json.path(PRIORITY), "must be a list of phone, loyaltyCardNumber, email");
            return List.of();
        }
        Map<Long, ClaimKind> byPriority = new TreeMap<>();
        List<ClaimKind> inOrder = new ArrayList<>();
        long index = 0;
        for (JsonNode entry : raw) {
            String field = entry.isObject() ? entry.path("field").asText(null) : entry.isTextual() ? entry.asText() : null;
            long priority = entry.isObject() && entry.path("priority").canConvertToLong()
                    ? entry.path("priority").asLong() : index;
            ClaimKind kind = field == null ? null : IDENTIFIERS.get(field);
            if (kind == null || inOrder.contains(kind) || byPriority.containsKey(priority)) {
                json.errors().add(json.path(PRIORITY) + "[" + index + "]",
                        "must be one of phone, loyaltyCardNumber, email, each once with its own priority");
            } else {
                byPriority.put(priority, kind);
                inOrder.add(kind);
            }
            index++;
        }
        return List.copyOf(byPriority.values());
    }

    public static Map<String, Object> toJson(TransactionSettings settings) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> priority = new ArrayList<>();
        int i = 1;
        for (ClaimKind kind : settings.identificationPriority()) {
            priority.add(Map.of("priority", i++, "field", kind.field()));
        }
        out.put(PRIORITY, priority);
        out.put(RETURNS, settings.returns());
        out.put(DELIVERY_SKUS, settings.excludedDeliverySkus().stream().sorted().toList());
        out.put(ORDER_POINTS_SOURCE, settings.orderPointsSource().name().toLowerCase(Locale.ROOT));
        out.put(ENROLL_SHOPPERS, settings.enrollShoppers());
        out.put(BEACON_EARNS, settings.beaconEarns());
        return out;
    }
}
