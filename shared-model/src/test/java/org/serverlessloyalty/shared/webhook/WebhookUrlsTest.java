package org.serverlessloyalty.shared.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example/coupons", "https://10.0.0.1:8443/x", "http://127.0.0.1:8080/hook",
            "http://127.1.2.3/hook", "http://localhost:9000/", "http://LOCALHOST/hook", "http://[::1]:8080/hook"})
    void accepts(String url) {
        assertThat(WebhookUrls.problem(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://shop.example/coupons", "http://10.0.0.1/x", "http://128.0.0.1/x",
            "http://localhost.evil.example/x", "http://127.0.0.1.evil.example/x", "http://[::2]/x", "ftp://127.0.0.1/x",
            "file:///etc/passwd", "shop.example/coupons", "https://user:pw@shop.example/x", "https:///nohost", "",
            "not a url"})
    void refuses(String url) {
        assertThat(WebhookUrls.problem(url)).isPresent();
    }
}
