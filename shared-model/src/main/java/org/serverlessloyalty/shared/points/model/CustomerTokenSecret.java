package org.serverlessloyalty.shared.points.model;

import java.time.Instant;

/**
 * A store's key for its customer tokens (HS256): 256 random bits, replaced by a rotation, after which every token
 * signed with the previous one is refused. It never leaves the table and the points function.
 *
 * @param version 1 for the first key, one more at each rotation (the tokens' {@code kid})
 */
public record CustomerTokenSecret(long version, byte[] key, Instant createdAt) {

    public static final int KEY_BYTES = 32;

    public CustomerTokenSecret {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a customer token key has " + KEY_BYTES + " bytes");
        }
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }
}
