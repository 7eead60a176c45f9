package org.serverlessloyalty.shared.points.model;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A points transfer's id ({@code pointsTransferId}): a UUID, as Open Loyalty's clients expect. New ids are
 * version 7 (RFC 9562): the first 48 bits are the creation time in milliseconds, so the lower-case string
 * sorts in creation order. A member's transfers are stored under sort keys holding their id, so the
 * partition's order is the creation order rule P8 spends in (oldest first), and the store-wide index lists
 * them in time order without another sort key.
 */
public record TransferId(String value) implements Comparable<TransferId> {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object LOCK = new Object();
    private static long lastMillis;
    private static int sequence;

    public TransferId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a transfer id is a lower-case UUID");
        }
    }

    /** An id as a client sent it: any UUID spelling, read in its canonical lower-case form. */
    public static TransferId parse(String raw) {
        return new TransferId(UUID.fromString(raw.strip()).toString());
    }

    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return raw.strip().length() == 36;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A new version 7 id for a transfer created at {@code at}. Within one process ids are strictly increasing,
     * even for many transfers in the same millisecond (a 12-bit sequence, then the next millisecond), so the
     * transfers one process writes for a member keep their creation order exactly.
     */
    public static TransferId newAt(Instant at) {
        long millis;
        int seq;
        synchronized (LOCK) {
            millis = Math.max(at.toEpochMilli(), lastMillis);
            if (millis == lastMillis) {
                sequence++;
                if (sequence > 0xFFF) {
                    millis++;
                    sequence = 0;
                }
            } else {
                sequence = 0;
            }
            lastMillis = millis;
            seq = sequence;
        }
        long high = (millis << 16) | 0x7000L | seq;
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new TransferId(new UUID(high, low).toString());
    }

    @Override
    public int compareTo(TransferId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
