package org.serverlessloyalty.shared.campaign.rules;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cashback provider callback's proof of origin (A24): {@code X-Cashback-Signature} is the lowercase hex
 * HMAC-SHA256, under the store's callback secret, of {@code X-Cashback-Timestamp} (unix seconds), a {@code .}, and the
 * raw body bytes as sent. The timestamp is inside the signed text, so an old callback cannot be made fresh, and a
 * callback more than {@link #TOLERANCE} away from now is refused: a captured callback can only be replayed within
 * that window, where the reward's conditional write makes the replay change nothing.
 */
public final class CallbackSignature {

    public static final String TIMESTAMP_HEADER = "X-Cashback-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Cashback-Signature";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** What the check found; only {@link #VALID} lets the callback change anything. */
    public enum Verdict {
        VALID,
        /** No timestamp or no signature header: 401. */
        MISSING,
        /** The timestamp is not whole unix seconds: 400 naming the header. */
        BAD_TIMESTAMP,
        /** The timestamp is more than five minutes from now (either side): 400 naming the header. */
        STALE,
        /** The signature is not the body's under the store's secret (or the store has none): 401. */
        FORGED
    }

    private CallbackSignature() {
    }

    /** The signature a sender computes (the README does the same with openssl). */
    public static String sign(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }

    /**
     * Checks a callback. The signature is compared in constant time; it is checked before the timestamp's age, so a
     * forger learns nothing about the clock.
     *
     * @param secret the store's current callback secret, or null when the store never made one (every callback forged)
     */
    public static Verdict verify(byte[] secret, String timestamp, String signature, byte[] body, Instant now) {
        if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
            return Verdict.MISSING;
        }
        String ts = timestamp.trim();
        if (ts.length() > 12 || !ts.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Verdict.BAD_TIMESTAMP;
        }
        if (secret == null) {
            return Verdict.FORGED;
        }
        String given = signature.trim().toLowerCase(java.util.Locale.ROOT);
        if (given.startsWith("v1=")) {
            given = given.substring(3);
        }
        byte[] expected = sign(secret, ts, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.FORGED;
        }
        long age = now.getEpochSecond() - Long.parseLong(ts);
        return Math.abs(age) > TOLERANCE.toSeconds() ? Verdict.STALE : Verdict.VALID;
    }
}
