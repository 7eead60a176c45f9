package org.serverlessloyalty.shared.giftcode.json;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.giftcode.model.DiscountType;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeStatus;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.store.model.Store;

/**
 * A code's JSON: the CibleR coupon-creation fields ({@code code, value, discountType, threshold,
 * combinable, description, name, expirationDate, numberOfUsage, products, categories,
 * discountWholeCart, campaignId, user}) plus this engine's {@code activeFrom} and
 * {@code perCustomerLimit}.
 */
public final class GiftCodeJson {

    public static final Set<String> TERM_FIELDS = Set.of("value", "discountType", "threshold", "combinable",
            "description", "name", "expirationDate", "activeFrom", "numberOfUsage", "perCustomerLimit", "products",
            "categories", "discountWholeCart", "campaignId", "user");

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private GiftCodeJson() {
    }

    /** Parses the terms of one code; problems are recorded in {@code json.errors()} and null is returned. */
    public static GiftCodeTerms parseTerms(JsonFields json, Store store) {
        int errorsBefore = json.errors().size();
        int currencyScale = Math.max(0, store.currency().getDefaultFractionDigits());
        json.require("discountType");
        DiscountType type = json.enumValue("discountType", DiscountType.class);
        BigDecimal value = null;
        if (type == DiscountType.PERCENT) {
            json.require("value");
            value = json.decimal("value", new BigDecimal("0.01"), HUNDRED, 2);
        } else if (type == DiscountType.VALUE) {
            json.require("value");
            value = json.decimal("value", BigDecimal.ONE.movePointLeft(currencyScale), MAX_AMOUNT, currencyScale);
        } else if (type == DiscountType.FREESHIPPING) {
            // The CibleR body makes value mandatory for every type: here it is the shipping amount the code
            // covers (major units); 0 or absent covers all of it. It is stored and answered, never computed with.
            value = json.decimal("value", BigDecimal.ZERO, MAX_AMOUNT, currencyScale);
        }
        BigDecimal threshold = json.decimal("threshold", BigDecimal.ZERO, MAX_AMOUNT, currencyScale);
        Boolean combinable = json.bool("combinable");
        String description = json.string("description", 500);
        String name = json.string("name", 200);
        var expirationDate = json.date("expirationDate");
        var activeFrom = json.date("activeFrom");
        if (expirationDate != null && activeFrom != null && activeFrom.isAfter(expirationDate)) {
            json.errors().add(json.path("activeFrom"), "must not be after expirationDate");
        }
        Long numberOfUsage = json.integer("numberOfUsage", 1, Integer.MAX_VALUE);
        Long perCustomerLimit = json.integer("perCustomerLimit", 1, Integer.MAX_VALUE);
        var products = json.strings("products", 1_000, 200);
        var categories = json.strings("categories", 1_000, 200);
        Boolean wholeCart = json.bool("discountWholeCart");
        String campaignId = json.identifier("campaignId", 100);
        GiftCodeTerms.CodeUser user = null;
        JsonFields userJson = json.object("user");
        if (userJson != null) {
            userJson.rejectUnknown(Set.of("email", "customerGuid"));
            user = new GiftCodeTerms.CodeUser(userJson.string("email", 320), userJson.identifier("customerGuid", 128));
        }
        if (json.errors().size() > errorsBefore) {
            return null;
        }
        boolean restricted = (products != null && !products.isEmpty()) || (categories != null && !categories.isEmpty());
        return new GiftCodeTerms(
                value,
                type,
                threshold,
                combinable != null && combinable,
                description,
                name,
                expirationDate,
                activeFrom,
                numberOfUsage == null ? null : numberOfUsage.intValue(),
                perCustomerLimit == null ? null : perCustomerLimit.intValue(),
                products,
                categories,
                wholeCart != null ? wholeCart : !restricted,
                campaignId,
                user);
    }

    /** The code as the admin API shows it, usage included. */
    public static Map<String, Object> toJson(GiftCode code) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code.code().value());
        json.putAll(termsToJson(code.terms()));
        json.put("usedCount", code.usedCount());
        Integer limit = code.terms().numberOfUsage();
        json.put("remainingUses", limit == null ? null : Math.max(0, limit - code.usedCount()));
        json.put("createdAt", code.createdAt() == null ? null : code.createdAt().toString());
        json.put("batchId", code.batchId());
        json.put("voidedAt", code.voidedAt() == null ? null : code.voidedAt().toString());
        return json;
    }

    /** The code with its state now ({@code GiftCodeRules.status}). */
    public static Map<String, Object> toJson(GiftCode code, GiftCodeStatus status) {
        Map<String, Object> json = toJson(code);
        json.put("status", status.name());
        return json;
    }

    public static Map<String, Object> termsToJson(GiftCodeTerms t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", t.value());
        json.put("discountType", t.discountType().name());
        json.put("threshold", t.threshold());
        json.put("combinable", t.combinable());
        json.put("description", t.description());
        json.put("name", t.name());
        json.put("expirationDate", t.expirationDate() == null ? null : t.expirationDate().toString());
        json.put("activeFrom", t.activeFrom() == null ? null : t.activeFrom().toString());
        json.put("numberOfUsage", t.numberOfUsage());
        json.put("perCustomerLimit", t.perCustomerLimit());
        json.put("products", t.products());
        json.put("categories", t.categories());
        json.put("discountWholeCart", t.discountWholeCart());
        json.put("campaignId", t.campaignId());
        if (t.user() == null) {
            json.put("user", null);
        } else {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("email", t.user().email());
            user.put("customerGuid", t.user().customerGuid());
            json.put("user", user);
        }
        return json;
    }
}
