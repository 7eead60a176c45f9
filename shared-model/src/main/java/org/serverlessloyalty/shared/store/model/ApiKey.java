package org.serverlessloyalty.shared.store.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * A store's storefront key: {@code sl_<storeCode>_<secret>}. The store code inside lets the engine
 * find the one store record to compare against, so a key lookup is the store's own (cached) GetItem
 * and every table key still begins with the store. Only the SHA-256 of the whole key is stored.
 */
public final class ApiKey {

    public static final String PREFIX = "sl_";
    /** A publishable key ({@code pk_<store>_<secret>}) may only report orders from a browser (the CitrusAd beacon). */
    public static final String PUBLISHABLE_PREFIX = "pk_";
    private static final String SECRET_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int SECRET_LENGTH = 40; // 200 random bits
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKey() {
    }

    public static String generate(StoreCode store) {
        return generate(PREFIX, store);
    }

    public static String generatePublishable(StoreCode store) {
        return generate(PUBLISHABLE_PREFIX, store);
    }

    private static String generate(String prefix, StoreCode store) {
        StringBuilder key = new StringBuilder(prefix).append(store.value()).append('_');
        for (int i = 0; i < SECRET_LENGTH; i++) {
            key.append(SECRET_ALPHABET.charAt(RANDOM.nextInt(SECRET_ALPHABET.length())));
        }
        return key.toString();
    }

    /** The store a presented key claims to belong to; empty when it is not one of our keys. */
    public static Optional<StoreCode> claimedStore(String presented) {
        return claimedStore(PREFIX, presented);
    }

    /** The store a presented publishable key claims; empty when it is not a publishable key. */
    public static Optional<StoreCode> claimedStoreOfPublishable(String presented) {
        return claimedStore(PUBLISHABLE_PREFIX, presented);
    }

    private static Optional<StoreCode> claimedStore(String prefix, String presented) {
        if (presented == null || !presented.startsWith(prefix)) {
            return Optional.empty();
        }
        int end = presented.indexOf('_', prefix.length());
        if (end < 0) {
            return Optional.empty();
        }
        String store = presented.substring(prefix.length(), end);
        return StoreCode.isValid(store) ? Optional.of(new StoreCode(store)) : Optional.empty();
    }

    public static byte[] hash(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    /** Constant-time: the time taken does not tell how much of a guess matched. */
    public static boolean matches(String presented, byte[] storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash(presented), storedHash);
    }
}
