package org.serverlessloyalty.giftcode.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeTerms;
import org.serverlessloyalty.shared.giftcode.rules.Messages;
import org.serverlessloyalty.shared.giftcode.service.CodeValidation;

/**
 * Exactly the CibleR response fields, in the spec's order, plus {@code reason}. An unknown code
 * answers nulls; a known code that cannot be used still shows its terms so the storefront can say
 * why (for instance the threshold to reach).
 */
final class ValidateResponse {

    private ValidateResponse() {
    }

    static Map<String, Object> of(CodeValidation.Outcome outcome, String language) {
        GiftCodeTerms terms = outcome.code().map(c -> c.terms()).orElse(null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("canUse", outcome.canUse());
        json.put("message", outcome.refusal().map(r -> Messages.of(r, language)).orElse(null));
        json.put("value", terms == null ? null : terms.value());
        json.put("threshold", terms == null ? null : terms.threshold());
        json.put("combinable", terms == null ? null : terms.combinable());
        json.put("discountType", terms == null ? null : terms.discountType().name());
        json.put("description", terms == null ? null : terms.description());
        json.put("expirationDate", terms == null || terms.expirationDate() == null ? null : terms.expirationDate().toString());
        json.put("products", terms == null ? null : nullIfEmpty(terms.products()));
        json.put("categories", terms == null ? null : nullIfEmpty(terms.categories()));
        json.put("reason", outcome.refusal().map(Enum::name).orElse(null));
        return json;
    }

    private static List<String> nullIfEmpty(List<String> values) {
        return values.isEmpty() ? null : values;
    }
}
