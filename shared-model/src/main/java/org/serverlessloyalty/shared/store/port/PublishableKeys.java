package org.serverlessloyalty.shared.store.port;

import java.util.Optional;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * A store's publishable key, {@code pk_<store>_<secret>}: the key a storefront puts in its web pages
 * for the front-end order beacon. It is public by nature, so it opens nothing else: only the beacon
 * route accepts it, and the beacon route accepts nothing else.
 */
public interface PublishableKeys {

    String PREFIX = "pk_";

    /** Whether {@code presentedKey} is {@code store}'s current publishable key. */
    boolean matches(StoreCode store, String presentedKey);

    /** The store a presented key claims to belong to; empty when it is not a publishable key. */
    static Optional<StoreCode> claimedStore(String presented) {
        if (presented == null || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int end = presented.indexOf('_', PREFIX.length());
        if (end < 0 || end == presented.length() - 1) {
            return Optional.empty();
        }
        String store = presented.substring(PREFIX.length(), end);
        return StoreCode.isValid(store) ? Optional.of(new StoreCode(store)) : Optional.empty();
    }
}
