package org.serverlessloyalty.shared.webhook.json;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.platform.http.Json;

/**
 * The body the merchant's coupon-creation endpoint receives: exactly the CibleR "Coupon creation API" fields.
 * {@code discountWholeCart} is {@code 1}/{@code 0} as in the spec's example; {@code customerId} is the store code;
 * {@code campaignId} is a number when it is all digits (as in the spec), else the string; {@code user} is
 * {@code {"email": ...}} or null.
 */
public final class CouponWebhookBody {

    public static final List<String> FIELDS = List.of("code", "value", "discountWholeCart", "name", "discountType",
            "threshold", "description", "combinable", "expirationDate", "campaignId", "customerId", "numberOfUsage",
            "user", "products", "categories");

    private CouponWebhookBody() {
    }

    public static Map<String, Object> of(GiftCode code) {
        GiftCodeTerms t = code.terms();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code.code().value());
        json.put("value", t.value() == null ? BigDecimal.ZERO : t.value());
        json.put("discountWholeCart", t.discountWholeCart() ? 1 : 0);
        json.put("name", t.name());
        json.put("discountType", t.discountType().name());
        json.put("threshold", t.threshold());
        json.put("description", t.description());
        json.put("combinable", t.combinable());
        json.put("expirationDate", t.expirationDate() == null ? null : t.expirationDate().toString());
        json.put("campaignId", campaignId(t.campaignId()));
        json.put("customerId", code.store().value());
        json.put("numberOfUsage", t.numberOfUsage());
        if (t.user() == null) {
            json.put("user", null);
        } else {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("email", t.user().email());
            json.put("user", user);
        }
        json.put("products", t.products());
        json.put("categories", t.categories());
        return json;
    }

    public static String write(GiftCode code) {
        return Json.write(of(code));
    }

    private static Object campaignId(String id) {
        if (id != null && id.matches("[0-9]{1,18}")) {
            return Long.parseLong(id);
        }
        return id;
    }
}
