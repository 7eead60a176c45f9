package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.http.Json;

/** Finding an order the shop reported (CibleR's order tracking): each code's outcome and the points it earned. */
class ConsoleOrdersBrowserIT extends ConsoleBrowserTest {

    @Test
    void anOrderTheShopReportedShowsEachCodesOutcomeAndThePointsItEarned() {
        var shop = stack.shop("orders");
        stack.expect(204, "PUT", "/api/store/" + shop.code(), ConsoleStack.ADMIN_KEY, Map.of("orderPointsSource", "reported"));
        stack.expect(200, "POST", "/api/" + shop.code() + "/admin/customer/register", shop.key(), Map.of("customer",
                Map.of("firstName", "Ann", "lastName", "Lee", "email", "ann@example.com", "externalId", "shop-ann")));
        stack.expect(201, "POST", "/api/" + shop.code() + "/admin/giftCodes", ConsoleStack.ADMIN_KEY,
                Map.of("codes", List.of(Map.of("code", "SUMMER10", "value", 10, "discountType", "PERCENT", "numberOfUsage", 5))));
        reportOrder(shop, "770001", 15, List.of("SUMMER10", "NOSUCHCODE"));
        awaitApplied(shop, "770001");

        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/orders");
        browser.fill("Order id", "770001").click("Find");

        String order = browser.find("[data-test=order]").getText();
        assertThat(order).contains("CIBLER").contains("PAID");
        assertThat(order).containsPattern("SUMMER10\\s+APPLIED").containsPattern("NOSUCHCODE\\s+CONFLICT\\s+NOT_FOUND");
        assertThat(browser.find("[data-test=order-points]").getText()).isEqualTo("Sale CIBLER-770001 earned 15 points.");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/store/" + shop.code() + "/orders/770001");
        browser.screenshot("order-found");

        browser.click("SUMMER10");
        browser.waitForText("Gift code SUMMER10");
        assertThat(browser.find("[data-test=code-usage]").getText()).contains("Used by orders\n1").contains("Uses left\n4");
        browser.assertNoConsoleErrors();
    }

    @Test
    void anOrderOfAShopperWhoIsNoMemberEarnsNoPointsAndSaysSo() {
        var shop = stack.shop("nomember");
        reportOrder(shop, "770002", 0, List.of());
        awaitApplied(shop, "770002");

        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/orders/770002");

        assertThat(browser.find("[data-test=order-points]").getText()).startsWith("No points: no member’s sale CIBLER-770002");
        assertThat(browser.find("[data-test=order]").getText()).contains("No code in this order.");
        browser.assertNoConsoleErrors();
    }

    @Test
    void anOrderNotAppliedYetIsSaidToBeMissing() {
        var shop = stack.shop("missing");
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/orders");
        browser.fill("Order id", "never-reported").click("Find");

        assertThat(browser.find("[data-test=order-missing]").getText()).startsWith("No applied order never-reported");
        browser.assertNoConsoleErrors();
    }

    /** The storefront's CibleR order report: the store key in the body, as the README shows. */
    private static void reportOrder(ConsoleStack.Shop shop, String orderId, int points, List<String> codes) {
        var info = new java.util.LinkedHashMap<String, Object>(Map.of("orderId", Long.parseLong(orderId), "totalSpent", 72.99,
                "taxes", 2.00, "shippingCost", 4.99, "discountAmount", 0));
        if (points > 0) {
            info.put("points", points);
        }
        if (!codes.isEmpty()) {
            info.put("giftCode", codes);
        }
        var answer = stack.call("POST", "/api/campaignBehaviors/order/" + shop.code(), Map.of("Content-Type", "application/json"),
                Json.write(Map.of("orderContext", Map.of("key", shop.key(), "email", "ann@example.com", "country", "FR / FRA",
                        "environnement", "Prod", "siteId", 1, "customerGuid", "shop-ann", "cookieId", "CIB1.1.1"),
                        "orderInformation", info)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    }

    private static void awaitApplied(ConsoleStack.Shop shop, String orderId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (stack.call("GET", "/api/" + shop.code() + "/admin/orders/" + orderId, stack.admin(), null).status() != 200) {
            assertThat(Instant.now()).as("order %s applied", orderId).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
