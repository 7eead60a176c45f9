package org.serverlessloyalty.shared.points.rules;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Member ids are UUIDs, as Open Loyalty's {@code customerId}: random (version 4), or, for a registration carrying an
 * {@code Idempotency-Key}, derived from the store and the key (version 5, RFC 9562), so that a retry of the same
 * registration names the same member and finds it with one read.
 */
public final class MemberIds {

    /** This engine's namespace for name-based member ids (a fixed random UUID). */
    static final UUID NAMESPACE = UUID.fromString("1d6f0f8e-5a43-4b2c-9d37-6e2a8c41f0b5");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private MemberIds() {
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }

    /** The id a registration with {@code key} in {@code store} gives its member: the same for every retry. */
    public static String forIdempotencyKey(StoreCode store, IdempotencyKey key) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JVM", e);
        }
        ByteBuffer namespace = ByteBuffer.allocate(16)
                .putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
        sha1.update(namespace.array());
        // The store code has no newline, so "store\nkey" names one pair only.
        sha1.update((store.value() + "\n" + key.value()).getBytes(StandardCharsets.UTF_8));
        byte[] hash = sha1.digest();
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong()).toString();
    }

    /** A member id as stored (lower case) when {@code text} is a UUID; empty otherwise (no member has that id). */
    public static Optional<String> parse(String text) {
        return text != null && UUID_TEXT.matcher(text).matches()
                ? Optional.of(text.toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
