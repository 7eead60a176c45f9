package org.serverlessloyalty.shared.access.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

/**
 * The deployment admin key, fetched once per instance (from SSM on AWS) the first time a request presents one, and
 * compared in constant time on its SHA-256.
 */
public final class AdminKey {

    private final Supplier<String> source;
    private volatile byte[] hash;

    public AdminKey(Supplier<String> source) {
        this.source = source;
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(sha256(presented), expectedHash());
    }

    private byte[] expectedHash() {
        byte[] known = hash;
        if (known == null) {
            String key = source.get();
            if (key == null || key.isBlank()) {
                throw new IllegalStateException("The admin key is empty");
            }
            known = sha256(key);
            hash = known;
        }
        return known;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
