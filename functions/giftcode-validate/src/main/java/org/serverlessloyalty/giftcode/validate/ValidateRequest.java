package org.serverlessloyalty.giftcode.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.giftcode.model.Cart;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.ValidationQuery;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.giftcode.service.CodeValidation;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The CibleR validate body ({@code email, cibler_id, code, cart.total, cart.items[]}) plus this
 * engine's {@code customerGuid} and {@code appliedCodes}. Unknown fields are ignored: storefronts
 * send what their CibleR integration sends.
 */
record ValidateRequest(Optional<ValidationQuery> query) {

    static final int MAX_APPLIED_CODES = 20;
    static final int MAX_CODE_CHARS = 256;
    static final int MAX_ITEMS = 500;
    /** {@code cart.total} in minor units: 10^14 (a trillion in major units) is no cart. */
    static final long MAX_CART_TOTAL = 100_000_000_000_000L;
    static final int MAX_QUANTITY = 1_000_000;
    /** A cart item's unit price in major units, as the order APIs bound amounts. */
    static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000000000");

    /** A code that cannot be one of ours (bad characters, too long) is simply not found: it is shopper input. */
    static CodeValidation.Outcome unknownCode() {
        return new CodeValidation.Outcome(Optional.empty(), Optional.of(ValidationReason.NOT_FOUND));
    }

    /**
     * The code as the shopper typed it. Unlike other text, a code with control or format characters
     * (a zero-width space pasted from an e-mail) is not a 400: like any code that cannot be ours, it is
     * answered NOT_FOUND, so the checkout shows "this code does not exist"; it never reaches a key.
     */
    private static String shopperCode(JsonFields json) {
        JsonNode code = json.raw("code");
        if (code == null) {
            return null;
        }
        if (!code.isTextual() && !code.isIntegralNumber()) {
            json.errors().add("code", "must be a string");
            return null;
        }
        String text = code.asText().strip();
        if (text.isEmpty()) {
            json.errors().add("code", "must not be blank");
            return null;
        }
        if (text.length() > MAX_CODE_CHARS) {
            json.errors().add("code", "must be at most " + MAX_CODE_CHARS + " characters");
            return null;
        }
        return text;
    }

    static ValidateRequest parse(StoreCode store, JsonNode body) {
        FieldErrors errors = FieldErrors.none();
        JsonFields json = JsonFields.root(body, errors);
        json.require("code");
        String rawCode = shopperCode(json);
        String email = json.string("email", 320);
        String ciblerId = json.identifier("cibler_id", 256);
        String customerGuid = json.identifier("customerGuid", 128);
        List<String> applied = json.strings("appliedCodes", MAX_APPLIED_CODES, 256);

        json.require("cart");
        Cart cart = null;
        JsonFields cartJson = json.object("cart");
        if (cartJson != null) {
            cartJson.require("total");
            Long total = cartJson.integer("total", 0, MAX_CART_TOTAL);
            List<Cart.Item> items = new ArrayList<>();
            List<JsonFields> itemsJson = cartJson.objects("items", MAX_ITEMS);
            if (itemsJson != null) {
                for (JsonFields item : itemsJson) {
                    if (item == null) {
                        continue;
                    }
                    Long quantity = item.integer("quantity", 0, MAX_QUANTITY);
                    items.add(new Cart.Item(
                            item.string("name", 500),
                            item.identifier("productId", 200),
                            item.identifier("category", 200),
                            quantity == null ? null : quantity.intValue(),
                            item.decimal("unitPrice", BigDecimal.ZERO, MAX_UNIT_PRICE, 6)));
                }
            }
            cart = total == null ? null : new Cart(total, items);
        }
        errors.throwIfAny();

        if (!CodeValue.isValid(rawCode)) {
            return new ValidateRequest(Optional.empty());
        }
        List<CodeValue> appliedCodes = applied == null ? List.of()
                : applied.stream().filter(CodeValue::isValid).map(CodeValue::of).distinct().toList();
        return new ValidateRequest(Optional.of(new ValidationQuery(
                store, CodeValue.of(rawCode), cart, email, ciblerId, customerGuid, appliedCodes)));
    }
}
