package org.serverlessloyalty.shared.points.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.serverlessloyalty.shared.points.model.CustomerTokenSecret;
import org.serverlessloyalty.shared.points.port.CustomerTokenSecrets;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Each store's customer-token key: made on the first token the store asks for, replaced by a rotation. Verifying a
 * token reads the current key every time (one consistent GetItem), so a rotation refuses every older token at once.
 */
public final class CustomerTokenKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CustomerTokenSecrets secrets;
    private final Clock clock;

    public CustomerTokenKeys(CustomerTokenSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The key tokens of {@code store} are verified with; empty before its first token. */
    public Optional<CustomerTokenSecret> current(StoreCode store) {
        return secrets.find(store);
    }

    /** The key to sign a new token with, made now if the store has none yet. */
    public CustomerTokenSecret forSigning(StoreCode store) {
        return secrets.find(store).orElseGet(() ->
                secrets.createIfAbsent(store, new CustomerTokenSecret(1, randomKey(), clock.instant())));
    }

    /** A new key: every token signed before is refused from now on. */
    public CustomerTokenSecret rotate(StoreCode store) {
        return secrets.replace(store, randomKey(), clock.instant());
    }

    private static byte[] randomKey() {
        byte[] key = new byte[CustomerTokenSecret.KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }
}
