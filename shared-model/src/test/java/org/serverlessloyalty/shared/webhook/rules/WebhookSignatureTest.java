package org.serverlessloyalty.shared.webhook.rules;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    @Test
    void newSecretsAreWhsecAnd24RandomBytes() {
        String a = WebhookSignature.newSecret();
        String b = WebhookSignature.newSecret();
        assertThat(a).startsWith("whsec_").isNotEqualTo(b);
        assertThat(Base64.getDecoder().decode(a.substring(6))).hasSize(24);
    }

    @Test
    void signsIdDotTimestampDotBodyWithTheDecodedSecret() throws Exception {
        // The Standard Webhooks reference test vector.
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
        long timestamp = 1614265330L;
        String body = "{\"test\": 2432232314}";
        assertThat(WebhookSignature.sign(secret, id, timestamp, body))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(WebhookSignature.sign(secret, id, timestamp, body)).isEqualTo("v1," + expected);
    }

    @Test
    void anyChangeChangesTheSignature() {
        String secret = WebhookSignature.newSecret();
        String base = WebhookSignature.sign(secret, "msg_1", 100, "{}");
        assertThat(WebhookSignature.sign(secret, "msg_2", 100, "{}")).isNotEqualTo(base);
        assertThat(WebhookSignature.sign(secret, "msg_1", 101, "{}")).isNotEqualTo(base);
        assertThat(WebhookSignature.sign(secret, "msg_1", 100, "{ }")).isNotEqualTo(base);
        assertThat(WebhookSignature.sign(WebhookSignature.newSecret(), "msg_1", 100, "{}")).isNotEqualTo(base);
    }

    @Test
    void refusesASecretWithoutThePrefix() {
        assertThatThrownBy(() -> WebhookSignature.sign("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_1", 1, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
