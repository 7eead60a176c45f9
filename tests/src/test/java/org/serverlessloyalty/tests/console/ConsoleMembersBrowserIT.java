package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** The members section: register, find, and change a member's points, checked against the API's own answers. */
class ConsoleMembersBrowserIT extends ConsoleBrowserTest {

    @Test
    void aStoreKeyRegistersAMemberAddsSpendsAndBlocksPointsAndTheSearchFindsHer() {
        var shop = stack.shop("members");
        browser.signIn(shop.key());
        browser.open("#/store/" + shop.code() + "/members");
        browser.waitForText("Register a member");

        WebElement register = browser.find("[data-test=member-register]");
        browser.fill(register, "First name", "Ada").fill(register, "Last name", "Lovelace")
                .fill(register, "Member’s e-mail", "ada@example.com").fill(register, "Member’s loyalty card number", "CARD-77")
                .click(register, "Register");
        browser.find("[data-test=registered] a").click();
        browser.waitForText("Points and level");
        String customerId = browser.find("[data-test=member-facts] code").getText();
        assertThat(stack.expect(200, "GET", "/api/" + shop.code() + "/customer/" + customerId, shop.key(), null)
                .get("email").asText()).isEqualTo("ada@example.com");

        changePoints("add", "Points to add", "100", "Welcome bonus");
        waitForBalance("100");
        changePoints("spend", "Points to spend", "30", "Mug");
        waitForBalance("70");
        changePoints("block", "Points to block", "20", "Disputed order");
        waitForBalance("50");
        assertThat(browser.find("[data-test=points-blocked]").getText()).isEqualTo("20");

        var status = stack.expect(200, "GET", "/api/" + shop.code() + "/admin/customer/" + customerId + "/status", shop.key(), null);
        assertThat(status.get("points").asInt()).isEqualTo(50);
        assertThat(status.get("usedPoints").asInt()).isEqualTo(30);
        assertThat(status.get("blockedPoints").asInt()).isEqualTo(20);
        String transfers = browser.find("[data-test=transfers-table]").getText();
        assertThat(transfers).contains("Welcome bonus", "Mug", "Disputed order", "blocked", "spending", "adding");
        browser.screenshot("members-member-page");

        browser.open("#/store/" + shop.code() + "/members");
        WebElement search = browser.find("[data-test=member-search]");
        browser.fill(search, "Loyalty card number", "CARD-7").click(search, "Search");
        browser.waitForText("ada@example.com");
        assertThat(browser.find("[data-test=members-table]").getText()).contains("Ada Lovelace", "CARD-77");
        assertThat(browser.mainText()).doesNotContainPattern("(?m)^null$");
        browser.fill(search, "Loyalty card number", "NO-SUCH").click(search, "Search");
        browser.waitForText("No member matches.");
        browser.assertNoConsoleErrors();
    }

    @Test
    void spendingMoreThanTheBalanceShowsTheApisRefusalNextToThePointsAndChangesNothing() {
        var shop = stack.shop("overdraw");
        var member = stack.expect(200, "POST", "/api/" + shop.code() + "/admin/customer/register", ConsoleStack.ADMIN_KEY,
                Map.of("customer", Map.of("firstName", "Jim", "lastName", "Doe", "email", "jim@example.com")));
        String customerId = member.get("customerId").asText();
        stack.expect(200, "POST", "/api/" + shop.code() + "/points/transfer/add", ConsoleStack.ADMIN_KEY,
                Map.of("transfer", Map.of("customer", customerId, "points", 10)));
        browser.signIn(ConsoleStack.ADMIN_KEY);
        browser.open("#/store/" + shop.code() + "/members/" + customerId);
        waitForBalance("10");

        WebElement spend = browser.find("[data-test=points-spend]");
        browser.fill(spend, "Points to spend", "500").click(spend, "Spend points");

        assertThat(browser.waitForErrorNextTo("Points to spend")).contains("not enough points");
        assertThat(stack.expect(200, "GET", "/api/" + shop.code() + "/admin/customer/" + customerId + "/status",
                ConsoleStack.ADMIN_KEY, null).get("points").asInt()).isEqualTo(10);
        browser.screenshot("members-not-enough-points");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aRegistrationTheApiRefusesNamesEachFieldAndRegistersNobody() {
        var shop = stack.shop("badreg");
        browser.signIn(ConsoleStack.ADMIN_KEY);
        browser.open("#/store/" + shop.code() + "/members");
        WebElement register = browser.find("[data-test=member-register]");
        browser.fill(register, "Member’s e-mail", "not-an-email").click(register, "Register");

        assertThat(browser.waitForErrorNextTo("Member’s e-mail")).contains("valid email");
        assertThat(browser.errorNextTo("Member’s phone")).isEmpty();
        assertThat(stack.expect(200, "GET", "/api/" + shop.code() + "/admin/customer", ConsoleStack.ADMIN_KEY, null)
                .get("total").asInt()).isZero();
        browser.assertNoConsoleErrors();
    }

    @Test
    void aLevelGivenByHandHoldsUntilItIsRemoved() {
        var shop = stack.shop("handlevel");
        level(shop, "Base", 0);
        level(shop, "Gold", 1000);
        String customerId = register(shop, "Ann", "ann@example.com");
        browser.signIn(ConsoleStack.ADMIN_KEY);
        browser.open("#/store/" + shop.code() + "/members/" + customerId);
        waitForStatusText("Base");

        WebElement byHand = browser.find("[data-test=level-by-hand]");
        browser.choose(byHand, "Level given by hand", "Gold").click(byHand, "Give level");
        waitForStatusText("Gold");
        assertThat(status(shop, customerId).get("levelName").asText()).isEqualTo("Gold");

        browser.click(byHand, "Remove the level given by hand");
        waitForStatusText("Base");
        assertThat(status(shop, customerId).get("levelName").asText()).isEqualTo("Base");
        browser.assertNoConsoleErrors();
    }

    @Test
    void pointsSentToAnotherMemberByEmailMoveFromOneBalanceToTheOther() {
        var shop = stack.shop("p2p");
        String jim = register(shop, "Jim", "jim@example.com");
        String jane = register(shop, "Jane", "jane@example.com");
        stack.expect(200, "POST", "/api/" + shop.code() + "/points/transfer/add", shop.key(),
                Map.of("transfer", Map.of("customer", jim, "points", 50)));
        browser.signIn(shop.key());
        browser.open("#/store/" + shop.code() + "/members/" + jim);
        waitForBalance("50");

        WebElement p2p = browser.find("[data-test=points-p2p]");
        browser.fill(p2p, "Receiver", "jane@example.com").fill(p2p, "Points to send", "20").click(p2p, "Send points");
        waitForBalance("30");
        assertThat(status(shop, jane).get("points").asInt()).isEqualTo(20);
        assertThat(status(shop, jim).get("points").asInt()).isEqualTo(30);

        browser.fill(p2p, "Receiver", "jim@example.com").fill(p2p, "Points to send", "5").click(p2p, "Send points");
        assertThat(browser.waitForErrorNextTo("Receiver")).contains("yourself");
        assertThat(status(shop, jim).get("points").asInt()).isEqualTo(30);
        browser.assertNoConsoleErrors();
    }

    private String register(ConsoleStack.Shop shop, String firstName, String email) {
        return stack.expect(200, "POST", "/api/" + shop.code() + "/admin/customer/register", shop.key(),
                Map.of("customer", Map.of("firstName", firstName, "lastName", "Doe", "email", email)))
                .get("customerId").asText();
    }

    private void level(ConsoleStack.Shop shop, String name, int conditionValue) {
        stack.expect(200, "POST", "/api/" + shop.code() + "/level/create", shop.key(), Map.of("level", Map.of(
                "translations", Map.of("en", Map.of("name", name)), "active", true, "conditionValue", conditionValue,
                "reward", Map.of("name", name, "value", 1, "code", name.toUpperCase()))));
    }

    private com.fasterxml.jackson.databind.JsonNode status(ConsoleStack.Shop shop, String customerId) {
        return stack.expect(200, "GET", "/api/" + shop.code() + "/admin/customer/" + customerId + "/status", shop.key(), null);
    }

    private void waitForStatusText(String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> String.valueOf(browser.script(
                        "const e = document.querySelector('[data-test=status-facts]'); return e ? e.innerText : ''"))
                        .matches("(?s).*Level\\s+" + text + ".*"));
    }

    private void changePoints(String action, String label, String value, String comment) {
        WebElement box = browser.find("[data-test=points-" + action + "]");
        browser.fill(box, label, value).fill(box, "Comment", comment);
        browser.click(box, box.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]")).getText());
        browser.find("[data-test=points-" + action + "] .notice-ok");
    }

    private void waitForBalance(String expected) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> expected.equals(browser.script(
                        "const e = document.querySelector('[data-test=points-balance]'); return e && e.textContent")));
    }
}
