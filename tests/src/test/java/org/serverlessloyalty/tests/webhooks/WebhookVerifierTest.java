package org.serverlessloyalty.tests.webhooks;

import java.nio.file.Files;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.webhook.rules.WebhookSignature;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's verification snippet against what the coupon-webhook function signs. */
class WebhookVerifierTest {

    private static final String SECRET = WebhookSignature.newSecret();
    private static final String ID = "msg_0123456789abcdef0123456789abcdef";
    private static final String BODY = "{\"code\":\"WELCOME10\",\"value\":10}";

    private final long now = Instant.now().getEpochSecond();

    @Test
    void acceptsWhatTheFunctionSigns() {
        String signature = WebhookSignature.sign(SECRET, ID, now, BODY);
        assertThat(WebhookVerifier.verify(SECRET, ID, Long.toString(now), signature, BODY, now)).isTrue();
    }

    @Test
    void rejectsATamperedBody() {
        String signature = WebhookSignature.sign(SECRET, ID, now, BODY);
        assertThat(WebhookVerifier.verify(SECRET, ID, Long.toString(now), signature, BODY.replace("10}", "90}"), now))
                .isFalse();
    }

    @Test
    void rejectsAnotherSecret() {
        String signature = WebhookSignature.sign(SECRET, ID, now, BODY);
        assertThat(WebhookVerifier.verify(WebhookSignature.newSecret(), ID, Long.toString(now), signature, BODY, now))
                .isFalse();
    }

    @Test
    void rejectsATimestampOlderThanFiveMinutes() {
        long old = now - 301;
        String signature = WebhookSignature.sign(SECRET, ID, old, BODY);
        assertThat(WebhookVerifier.verify(SECRET, ID, Long.toString(old), signature, BODY, now)).isFalse();
        long recent = now - 299;
        assertThat(WebhookVerifier.verify(SECRET, ID, Long.toString(recent),
                WebhookSignature.sign(SECRET, ID, recent, BODY), BODY, now)).isTrue();
    }

    @Test
    void rejectsAnotherWebhookIdAndMalformedHeaders() {
        String signature = WebhookSignature.sign(SECRET, ID, now, BODY);
        assertThat(WebhookVerifier.verify(SECRET, ID + "x", Long.toString(now), signature, BODY, now)).isFalse();
        assertThat(WebhookVerifier.verify(SECRET, ID, "yesterday", signature, BODY, now)).isFalse();
        assertThat(WebhookVerifier.verify(SECRET, ID, Long.toString(now), "v1,not-base64!", BODY, now)).isFalse();
    }

    @Test
    void isTheSnippetTheReadmeShows() throws Exception {
        String source = Files.readString(CloudFormationYaml.repositoryRoot()
                .resolve("tests/src/test/java/org/serverlessloyalty/tests/webhooks/WebhookVerifier.java"));
        String snippet = source.substring(source.indexOf("// README snippet begins") + "// README snippet begins".length(),
                source.indexOf("    // README snippet ends")).strip();
        String readme = Files.readString(CloudFormationYaml.repositoryRoot().resolve("README.md"));
        assertThat(normalise(readme)).contains(normalise(snippet));
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
