package org.serverlessloyalty.tests.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The README's receiver-side verification snippet, verbatim (the tests run it, so the README cannot drift). */
public final class WebhookVerifier {

    // README snippet begins
    /**
     * True when a coupon-created request is signed with {@code secret} ("whsec_...", from the PUT or rotate call)
     * and its timestamp is within five minutes of {@code nowEpochSeconds}. Pass the raw body, as received.
     */
    public static boolean verify(String secret, String webhookId, String webhookTimestamp, String webhookSignature,
                                 String rawBody, long nowEpochSeconds) {
        try {
            long timestamp = Long.parseLong(webhookTimestamp);
            if (Math.abs(nowEpochSeconds - timestamp) > 300) {
                return false; // too old (or from the future): a replay
            }
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((webhookId + "." + webhookTimestamp + "." + rawBody)
                    .getBytes(StandardCharsets.UTF_8));
            for (String signature : webhookSignature.split(" ")) { // "v1,<base64>", space-separated
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) { // malformed header or secret
            return false;
        }
    }
    // README snippet ends

    private WebhookVerifier() {
    }
}
