package org.serverlessloyalty.shared.giftcode.model;

import java.util.List;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** A storefront's question at checkout: may this shopper use this code on this cart? */
public record ValidationQuery(
        StoreCode store,
        CodeValue code,
        Cart cart,
        String email,
        String ciblerId,
        String customerGuid,
        List<CodeValue> appliedCodes) {

    public ValidationQuery {
        appliedCodes = appliedCodes == null ? List.of() : List.copyOf(appliedCodes);
    }

    /** The other codes of this engine already in the cart (re-validating a code ignores itself). */
    public List<CodeValue> otherAppliedCodes() {
        return appliedCodes.stream().filter(c -> !c.equals(code)).distinct().toList();
    }
}
