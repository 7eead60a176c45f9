package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The coupon-created webhook page: set it up (the secret shown once signs what the shop receives), deliveries by
 * status, redrive, a new secret. The shop is a small HTTP server on loopback, which only the local stack may reach.
 */
class ConsoleWebhooksBrowserIT {

    private static ConsoleStack stack;
    private Browser browser;
    private HttpServer receiver;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile boolean shopRefuses = true;

    record Received(String id, String timestamp, String signature, String body) {
    }

    @BeforeAll
    static void startStack() {
        // A delivery the shop refuses is FAILED after its first attempt (one second of retries), so a test can
        // find it by status and redrive it.
        stack = ConsoleStack.start(Map.of("WebhookRetryWindowSeconds", "1", "WebhookBackoffBaseSeconds", "1"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (shopRefuses) {
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
                return;
            }
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        browser = Browser.start(stack.baseUri());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aFailedDeliveryIsFoundByStatusRedrivenAndSignedWithTheSecretShownOnce() throws Exception {
        var shop = stack.shop("hooks");
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/webhooks");
        assertThat(browser.find("[data-test=webhook-config]").getText()).startsWith("No webhook yet");
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        browser.fill("Address (URL)", url).click("Set up the webhook");
        String secret = browser.find("[data-test=webhook-secret]").getText();
        assertThat(secret).startsWith("whsec_");
        assertThat(browser.find("[data-test=webhook-config]").getText()).contains(url).contains("Enabled\nyes");

        // The shop answers 500: the code's delivery is FAILED after its retry window.
        stack.expect(201, "POST", "/api/" + shop.code() + "/admin/giftCodes", ConsoleStack.ADMIN_KEY,
                Map.of("codes", List.of(Map.of("code", "HOOKED", "value", 5, "discountType", "VALUE"))));
        browser.choose("Delivery status", "FAILED");
        showUntil("HOOKED");
        assertThat(browser.find("[data-test=deliveries] table").getText()).contains("FAILED").contains("500");

        shopRefuses = false;
        browser.click("Send failed deliveries again");
        browser.waitForText("1 delivery sent again.");

        Received delivery = received.poll(30, TimeUnit.SECONDS);
        assertThat(delivery).as("the redriven delivery reached the shop").isNotNull();
        assertThat(delivery.body()).contains("\"code\":\"HOOKED\"");
        assertThat(delivery.signature()).isEqualTo("v1," + sign(secret, delivery));
        browser.choose("Delivery status", "DELIVERED");
        showUntil("HOOKED");
        assertThat(browser.find("[data-test=deliveries] table").getText()).contains("DELIVERED").contains(delivery.id());
        browser.screenshot("webhook-deliveries");

        browser.click("Issue a new signing secret");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        browser.waitForText("A new signing secret");
        assertThat(browser.find("[data-test=webhook-secret]").getText()).startsWith("whsec_").isNotEqualTo(secret);

        browser.check("Enabled", false).click("Save the webhook");
        assertThat(browser.find("[data-test=webhook-saved]").getText()).contains("secret is unchanged");
        assertThat(stack.expect(200, "GET", "/api/" + shop.code() + "/admin/webhooks/coupon-created", ConsoleStack.ADMIN_KEY,
                null).get("enabled").asBoolean()).isFalse();
        browser.assertNoConsoleErrors();
    }

    @Test
    void anAddressTheApiRefusesIsShownNextToItAndNothingIsConfigured() {
        var shop = stack.shop("badhook");
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/webhooks");
        browser.fill("Address (URL)", "ftp://shop.example/hook").click("Set up the webhook");

        assertThat(browser.waitForErrorNextTo("Address (URL)")).isNotBlank();
        assertThat(stack.call("GET", "/api/" + shop.code() + "/admin/webhooks/coupon-created", stack.admin(), null).status())
                .isEqualTo(404);
        browser.assertNoConsoleErrors();
    }

    /** Clicks Show until the deliveries list holds {@code text} (deliveries are written as the queue is read). */
    private void showUntil(String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            browser.click("Show");
            Thread.sleep(500);
            var tables = browser.findAll("[data-test=deliveries] table");
            if (!tables.isEmpty() && tables.get(0).getText().contains(text)) {
                return;
            }
            assertThat(Instant.now()).as("'%s' listed: %s", text, browser.mainText()).isBefore(deadline);
        }
    }

    /** Standard Webhooks: base64 HMAC-SHA256 of "id.timestamp.body", keyed with the secret's base64 part. */
    private static String sign(String secret, Received r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(
                mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
    }
}
