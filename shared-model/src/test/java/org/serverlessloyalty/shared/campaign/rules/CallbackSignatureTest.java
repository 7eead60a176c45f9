package org.serverlessloyalty.shared.campaign.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.rules.CallbackSignature.Verdict;

/** A24: the callback's HMAC-SHA256 over timestamp + "." + raw body, under the store's secret, within 5 minutes. */
class CallbackSignatureTest {

    private static final byte[] SECRET = HexFormat.of()
            .parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
    private static final byte[] BODY = "{\"orderId\":\"m_c\",\"statusCode\":\"SUCCESS\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-30T01:00:00Z");
    private static final String TS = Long.toString(NOW.getEpochSecond());

    @Test
    void acceptsTheBodySignedWithTheStoresSecretNow() {
        String signature = CallbackSignature.sign(SECRET, TS, BODY);
        assertThat(CallbackSignature.verify(SECRET, TS, signature, BODY, NOW)).isEqualTo(Verdict.VALID);
        assertThat(CallbackSignature.verify(SECRET, TS, "v1=" + signature.toUpperCase(), BODY, NOW))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void matchesAnHmacComputedIndependently() throws Exception {
        // What `printf '%s.%s' "$TS" "$BODY" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SECRET` prints.
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET, "HmacSHA256"));
        byte[] expected = mac.doFinal((TS + "." + new String(BODY, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(CallbackSignature.sign(SECRET, TS, BODY)).isEqualTo(HexFormat.of().formatHex(expected));
    }

    @Test
    void refusesABodyChangedAfterSigning() {
        String signature = CallbackSignature.sign(SECRET, TS, BODY);
        byte[] changed = "{\"orderId\":\"m_c\",\"statusCode\":\"FAILURE\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(CallbackSignature.verify(SECRET, TS, signature, changed, NOW)).isEqualTo(Verdict.FORGED);
    }

    @Test
    void refusesASignatureMadeWithAnotherSecretOrWhenTheStoreHasNone() {
        byte[] other = SECRET.clone();
        other[0] ^= 1;
        String signature = CallbackSignature.sign(other, TS, BODY);
        assertThat(CallbackSignature.verify(SECRET, TS, signature, BODY, NOW)).isEqualTo(Verdict.FORGED);
        assertThat(CallbackSignature.verify(null, TS, signature, BODY, NOW)).isEqualTo(Verdict.FORGED);
    }

    @Test
    void refusesAnOldTimestampMovedForwardBecauseTheTimestampIsSigned() {
        String old = Long.toString(NOW.minusSeconds(3600).getEpochSecond());
        String signature = CallbackSignature.sign(SECRET, old, BODY);
        assertThat(CallbackSignature.verify(SECRET, TS, signature, BODY, NOW)).isEqualTo(Verdict.FORGED);
    }

    @Test
    void refusesACallbackSignedMoreThanFiveMinutesAgoOrAhead() {
        String old = Long.toString(NOW.minusSeconds(301).getEpochSecond());
        String ahead = Long.toString(NOW.plusSeconds(301).getEpochSecond());
        String edge = Long.toString(NOW.minusSeconds(300).getEpochSecond());
        assertThat(CallbackSignature.verify(SECRET, old, CallbackSignature.sign(SECRET, old, BODY), BODY, NOW))
                .isEqualTo(Verdict.STALE);
        assertThat(CallbackSignature.verify(SECRET, ahead, CallbackSignature.sign(SECRET, ahead, BODY), BODY, NOW))
                .isEqualTo(Verdict.STALE);
        assertThat(CallbackSignature.verify(SECRET, edge, CallbackSignature.sign(SECRET, edge, BODY), BODY, NOW))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void missingHeadersAndUnreadableTimestampsAreTold() {
        String signature = CallbackSignature.sign(SECRET, TS, BODY);
        assertThat(CallbackSignature.verify(SECRET, null, signature, BODY, NOW)).isEqualTo(Verdict.MISSING);
        assertThat(CallbackSignature.verify(SECRET, TS, " ", BODY, NOW)).isEqualTo(Verdict.MISSING);
        assertThat(CallbackSignature.verify(SECRET, "2026-11-30T01:00:00Z", signature, BODY, NOW))
                .isEqualTo(Verdict.BAD_TIMESTAMP);
        assertThat(CallbackSignature.verify(SECRET, "-5", signature, BODY, NOW)).isEqualTo(Verdict.BAD_TIMESTAMP);
        assertThat(CallbackSignature.verify(SECRET, "99999999999999999999", signature, BODY, NOW))
                .isEqualTo(Verdict.BAD_TIMESTAMP);
    }
}
