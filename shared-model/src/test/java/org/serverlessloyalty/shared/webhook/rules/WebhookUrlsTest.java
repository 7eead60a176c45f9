package org.serverlessloyalty.shared.webhook.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUrlsTest {

    private static final boolean ON_AWS = false;
    private static final boolean LOCAL_STACK = true;

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example/coupons", "https://SHOP.example./coupons?x=1",
            "https://93.184.216.34:8443/x", "https://[2606:2800:220:1:248:1893:25c8:1946]/x",
            "https://8.8.8.8/hook"})
    void acceptsHttpsToAPublicHostAnywhere(String url) {
        assertThat(WebhookUrls.problem(url, ON_AWS)).isEmpty();
        assertThat(WebhookUrls.problem(url, LOCAL_STACK)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hook", "http://127.1.2.3/hook", "http://localhost:9000/",
            "http://LOCALHOST/hook", "http://[::1]:8080/hook", "https://localhost/x", "http://hooks.localhost/x",
            "https://127.0.0.1:9001/2018-06-01/runtime/invocation/next", "http://2130706433/x",
            "http://0177.0.0.1/x"})
    void acceptsLoopbackOnlyWhileTheLocalStackRuns(String url) {
        assertThat(WebhookUrls.problem(url, LOCAL_STACK)).isEmpty();
        assertThat(WebhookUrls.problem(url, ON_AWS)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // link-local: the instance metadata and container credential services
            "https://169.254.169.254/latest/meta-data/", "https://169.254.170.2/v2/credentials",
            // the same in other spellings: decimal, hex, octal, short forms, trailing dot
            "https://2852039166/", "https://0xA9FEA9FE/", "https://0xa9.0xfe.0xa9.0xfe/", "https://0251.0376.0251.0376/",
            "https://169.254.43518/", "https://169.16689662/", "https://169.254.169.254./",
            // IPv6 forms carrying it
            "https://[::ffff:169.254.169.254]/", "https://[::ffff:a9fe:a9fe]/", "https://[::169.254.169.254]/",
            "https://[64:ff9b::a9fe:a9fe]/", "https://[2002:a9fe:a9fe::1]/", "https://[::ffff:0:a9fe:a9fe]/",
            // private, shared, unspecified, multicast, broadcast
            "https://10.0.0.1:8443/x", "https://172.16.0.1/", "https://172.31.255.255/", "https://192.168.1.1/",
            "https://100.64.0.1/", "https://0.0.0.0/", "https://0/", "https://224.0.0.1/", "https://255.255.255.255/",
            "https://[::]/", "https://[fe80::1]/", "https://[fd00:ec2::254]/", "https://[fc00::1]/", "https://[ff02::1]/",
            "https://[::ffff:10.0.0.1]/", "https://[fec0::1]/",
            // names only a local resolver answers
            "https://instance-data/", "https://metadata.google.internal/", "https://printer.local/",
            "https://router.home.arpa/", "https://intranet.localdomain/"})
    void refusesInternalAddressesInEverySpellingEvenLocally(String url) {
        assertThat(WebhookUrls.problem(url, ON_AWS)).as(url).isPresent();
        assertThat(WebhookUrls.problem(url, LOCAL_STACK)).as(url).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://shop.example/coupons", "http://93.184.216.34/x", "http://localhost.evil.example/x",
            "http://127.0.0.1.evil.example/x", "http://[::2]/x", "ftp://127.0.0.1/x", "file:///etc/passwd",
            "shop.example/coupons", "https://user:pw@shop.example/x", "https:///nohost", "", "not a url",
            "https://[fe80::1%25eth0]/", "https://1.2.3.4.5/", "https://256.1.1.1/", "https://1.2.3.08/",
            "https://shop.example:0/", "https://shop.example:70000/", "http://0x7f.1/x"})
    void refusesWhatIsNotAnHttpsUrlOfAPublicHost(String url) {
        assertThat(WebhookUrls.problem(url, LOCAL_STACK)).as(url).isPresent();
        assertThat(WebhookUrls.problem(url, ON_AWS)).as(url).isPresent();
    }

    @Test
    void theLambdaRuntimeApiOnLoopbackIsRefusedOnAwsOverHttpAndHttps() {
        assertThat(WebhookUrls.problem("http://127.0.0.1:9001/2018-06-01/runtime/invocation/next", ON_AWS))
                .contains("must not point at a private, loopback, link-local or other internal address");
        assertThat(WebhookUrls.problem("https://localhost:9001/", ON_AWS)).isPresent();
    }

    @Test
    void theTargetKeepsTheNameForResolutionAndTheHostHeader() {
        var name = WebhookUrls.parse("https://Shop.Example.:8443/cibler/coupons?v=2", ON_AWS).target();
        assertThat(name.https()).isTrue();
        assertThat(name.name()).isEqualTo("shop.example");
        assertThat(name.literal()).isNull();
        assertThat(name.port()).isEqualTo(8443);
        assertThat(name.hostHeader()).isEqualTo("shop.example:8443");
        assertThat(name.requestTarget()).isEqualTo("/cibler/coupons?v=2");

        var literal = WebhookUrls.parse("https://[2606:2800:220:1:248:1893:25c8:1946]", ON_AWS).target();
        assertThat(literal.name()).isNull();
        assertThat(literal.literal().getHostAddress()).isEqualTo("2606:2800:220:1:248:1893:25c8:1946");
        assertThat(literal.hostHeader()).isEqualTo("[2606:2800:220:1:248:1893:25c8:1946]");
        assertThat(literal.port()).isEqualTo(443);
        assertThat(literal.requestTarget()).isEqualTo("/");

        var local = WebhookUrls.parse("http://127.0.0.1:8080/hook", LOCAL_STACK).target();
        assertThat(local.https()).isFalse();
        assertThat(local.hostHeader()).isEqualTo("127.0.0.1:8080");
    }
}
