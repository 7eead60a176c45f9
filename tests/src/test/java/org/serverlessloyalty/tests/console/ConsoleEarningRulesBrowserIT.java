package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The earning rules section: create rules of several types, switch one off, simulate a basket with them, and (issue
 * 12) simulate a DRAFT rule on a basket before saving it (POST /earningRule/simulate, which writes nothing).
 */
class ConsoleEarningRulesBrowserIT extends ConsoleBrowserTest {

    @Test
    void aStoreKeyCreatesASpendingRuleAndTheBasketSimulationShowsItsPoints() {
        var shop = stack.shop("rules");
        createLevel(shop, "Base");
        browser.signIn(shop.key());
        browser.open("#/store/" + shop.code() + "/earning-rules");
        browser.waitForText("No earning rule matches.");

        WebElement create = browser.find("[data-test=rule-create]");
        browser.choose(create, "Rule type", "General spending (points per unit of currency)")
                .fill(create, "Rule name", "Two points per euro").fill(create, "Rule description", "Delivery excluded")
                .choose(create, "Target", "members of levels").choose(create, "Levels", "Base")
                .fill(create, "Points per unit", "2").fill(create, "Excluded SKUs", "GIFTWRAP")
                .click(create, "Create rule");
        browser.waitForText("Rule created:");
        assertThat(browser.find("[data-test=rules-table]").getText()).contains("Two points per euro", "levels: Base");

        JsonNode rule = onlyRule(shop);
        assertThat(rule.get("type").asText()).isEqualTo("points");
        assertThat(rule.get("pointValue").asInt()).isEqualTo(2);
        assertThat(rule.get("excludedSKUs").asText()).isEqualTo("GIFTWRAP");
        assertThat(rule.get("active").asBoolean()).isTrue();

        // Boots 40 and two mugs 12 earn 2 x 52; the gift wrap line earns nothing
        simulate(List.of(List.of("BOOTS", "Boots", "1", "40", "shoes"), List.of("MUG", "Mug", "2", "12", "kitchen"),
                List.of("GIFTWRAP", "Gift wrap", "1", "3", "service")));
        assertThat(simulatedPoints()).isEqualTo("104");
        var api = stack.expect(200, "POST", "/api/" + shop.code() + "/transaction/simulate", shop.key(), Map.of("transaction",
                Map.of("items", List.of(item("BOOTS", 40), item("MUG", 12), item("GIFTWRAP", 3)))));
        assertThat(api.get("points").asDouble()).isEqualTo(104.0);
        browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.find("[data-test=simulated-points]"));
        browser.screenshot("earning-rules-simulation");

        browser.click(browser.find("[data-test=rules-table]"), "Deactivate");
        waitUntilTextIn("[data-test=rules-table]", "Activate");
        assertThat(onlyRule(shop).get("active").asBoolean()).isFalse();
        browser.click(browser.find("[data-test=simulator]"), "Simulate");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> "0".equals(
                browser.script("const e = document.querySelector('[data-test=simulated-points]'); return e && e.textContent")));
        browser.assertNoConsoleErrors();
    }

    /** Issue 12: the create form's draft is simulated on a basket (rules E5, E3/E9, T7) before anything is saved. */
    @Test
    void aDraftSpendingRuleShowsItsPointsOnABasketBeforeItIsSaved() {
        var shop = stack.shop("draft");
        createLevel(shop, "Base");
        stack.expect(200, "POST", "/api/" + shop.code() + "/earningRule", shop.key(), Map.of("earningRule", Map.of(
                "type", "product_purchase", "name", "Mug bonus", "description", "d", "active", true,
                "allTimeActive", true, "target", "level", "levels", List.of(createLevel(shop, "Other")),
                "skuIds", List.of("MUG"), "pointsAmount", 10)));
        browser.signIn(shop.key());
        browser.open("#/store/" + shop.code() + "/earning-rules");
        browser.waitForText("Mug bonus");

        WebElement create = browser.find("[data-test=rule-create]");
        browser.choose(create, "Rule type", "General spending (points per unit of currency)")
                .fill(create, "Rule name", "Three points per euro").fill(create, "Rule description", "A draft")
                .choose(create, "Target", "members of levels").choose(create, "Levels", "Base")
                .fill(create, "Points per unit", "3");
        fillDraftLine(create, 1, List.of("BOOTS", "Boots", "1", "40", "shoes"));
        fillDraftLine(create, 2, List.of("MUG", "Mug", "2", "12", "kitchen"));
        browser.click(create, "Simulate this rule");
        // E5: 3 x 52 alone; with the saved mug bonus (E8, after it; T7: whatever its level), 156 + 10.
        waitUntilTextIn("[data-test=draft-points]", "156");
        assertThat(browser.find("[data-test=draft-points-with-active]").getText()).isEqualTo("166");
        assertThat(rulesTotal(shop)).as("nothing saved by a simulation").isEqualTo(1);
        browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.find("[data-test=draft-simulated]"));
        browser.screenshot("earning-rules-draft-simulation");

        // One 400 naming a field of each part, shown next to the form's own fields; still nothing saved.
        browser.fill(create, "Rule name", "").fill(create, "Draft basket line 2 SKU", "");
        browser.click(create, "Simulate this rule");
        assertThat(browser.waitForErrorNextTo("Rule name")).isNotBlank();
        assertThat(browser.waitForErrorNextTo("Draft basket line 2 SKU")).isNotBlank();
        assertThat(rulesTotal(shop)).isEqualTo(1);

        browser.fill(create, "Rule name", "Three points per euro").fill(create, "Draft basket line 2 SKU", "MUG");
        browser.click(create, "Create rule");
        browser.waitForText("Rule created:");
        assertThat(rulesTotal(shop)).isEqualTo(2);
        JsonNode saved = stack.expect(200, "GET", "/api/" + shop.code() + "/earningRule?type=points", shop.key(), null)
                .get("earningRules").get(0);
        assertThat(saved.get("name").asText()).isEqualTo("Three points per euro");
        assertThat(saved.get("pointValue").asInt()).isEqualTo(3);
        browser.assertNoConsoleErrors();
    }

    private void fillDraftLine(WebElement scope, int line, List<String> values) {
        String[] labels = {"SKU", "name", "quantity", "total", "category"};
        for (int j = 0; j < labels.length; j++) {
            browser.fill(scope, "Draft basket line " + line + " " + labels[j], values.get(j));
        }
    }

    private int rulesTotal(ConsoleStack.Shop shop) {
        return stack.expect(200, "GET", "/api/" + shop.code() + "/earningRule", shop.key(), null).get("total").asInt();
    }

    @Test
    void eachTypeSendsItsOwnFieldsACustomEventWithItsLimitAndAQrCode() {
        var shop = stack.shop("ruletypes");
        String base = createLevel(shop, "Base");
        browser.signIn(ConsoleStack.ADMIN_KEY);
        browser.open("#/store/" + shop.code() + "/earning-rules");

        WebElement create = browser.find("[data-test=rule-create]");
        browser.choose(create, "Rule type", "A shop’s own event")
                .fill(create, "Rule name", "Liked us").fill(create, "Rule description", "A like a day")
                .choose(create, "Target", "members of levels").choose(create, "Levels", "Base")
                .fill(create, "Event name", "facebook_like").fill(create, "Points amount", "5")
                .check("Limit uses", true).fill(create, "Uses allowed", "1").choose(create, "Per", "a day")
                .click(create, "Create rule");
        browser.waitForText("Rule created:");
        JsonNode custom = onlyRule(shop);
        assertThat(custom.get("type").asText()).isEqualTo("custom_event");
        assertThat(custom.get("eventName").asText()).isEqualTo("facebook_like");
        assertThat(custom.get("pointsAmount").asInt()).isEqualTo(5);
        assertThat(custom.get("limit").get("period").asText()).isEqualTo("day");
        assertThat(custom.get("limit").get("limit").asInt()).isEqualTo(1);
        assertThat(custom.get("levels").get(0).asText()).isEqualTo(base);
        assertThat(custom.has("pointValue")).isFalse();

        // A QR code rule without its code: the API's error lands next to the QR field, nothing is made
        browser.choose(create, "Rule type", "Scanning a QR code").fill(create, "Rule name", "Shop window")
                .fill(create, "Points amount", "3").click(create, "Create rule");
        assertThat(browser.waitForErrorNextTo("QR code text")).isNotBlank();
        assertThat(stack.expect(200, "GET", "/api/" + shop.code() + "/earningRule", ConsoleStack.ADMIN_KEY, null)
                .get("total").asInt()).isEqualTo(1);
        browser.fill(create, "QR code text", "WINDOW-1").click(create, "Create rule");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> stack.expect(200, "GET",
                "/api/" + shop.code() + "/earningRule?type=qrcode", ConsoleStack.ADMIN_KEY, null).get("total").asInt() == 1);
        JsonNode qr = stack.expect(200, "GET", "/api/" + shop.code() + "/earningRule?type=qrcode", ConsoleStack.ADMIN_KEY, null)
                .get("earningRules").get(0);
        assertThat(qr.get("code").asText()).isEqualTo("WINDOW-1");
        assertThat(qr.has("eventName")).isFalse();

        // The rule's page shows it back in its form and saves a change
        browser.open("#/store/" + shop.code() + "/earning-rules/" + custom.get("earningRuleId").asText());
        WebElement edit = browser.find("[data-test=rule-edit]");
        assertThat(browser.field(edit, "Event name").getAttribute("value")).isEqualTo("facebook_like");
        browser.fill(edit, "Points amount", "7").click(edit, "Save rule");
        browser.find("[data-test=rule-edit] .notice-ok");
        assertThat(stack.expect(200, "GET", "/api/" + shop.code() + "/earningRule/" + custom.get("earningRuleId").asText(),
                ConsoleStack.ADMIN_KEY, null).get("pointsAmount").asInt()).isEqualTo(7);
        browser.assertNoConsoleErrors();
    }

    private void simulate(List<List<String>> lines) {
        WebElement simulator = browser.find("[data-test=simulator]");
        String[] labels = {"SKU", "name", "quantity", "total", "category"};
        for (int i = 0; i < lines.size(); i++) {
            for (int j = 0; j < labels.length; j++) {
                browser.fill(simulator, "Line " + (i + 1) + " " + labels[j], lines.get(i).get(j));
            }
        }
        browser.click(simulator, "Simulate");
        browser.find("[data-test=simulated-points]");
    }

    /** Waits until the element of {@code css} shows {@code text}, read in the page (it may be drawn again meanwhile). */
    private void waitUntilTextIn(String css, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> String.valueOf(browser.script(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : ''", css)).contains(text));
    }

    private String simulatedPoints() {
        return browser.find("[data-test=simulated-points]").getText();
    }

    private static Map<String, Object> item(String sku, int total) {
        return Map.of("sku", Map.of("code", sku), "name", sku, "quantity", 1, "grossValue", total, "category", "any");
    }

    private String createLevel(ConsoleStack.Shop shop, String name) {
        return stack.expect(200, "POST", "/api/" + shop.code() + "/level/create", shop.key(), Map.of("level", Map.of(
                "translations", Map.of("en", Map.of("name", name)), "active", true, "conditionValue", 0,
                "reward", Map.of("name", name, "value", 1, "code", name.toUpperCase())))).get("id").asText();
    }

    private JsonNode onlyRule(ConsoleStack.Shop shop) {
        JsonNode rules = stack.expect(200, "GET", "/api/" + shop.code() + "/earningRule", shop.key(), null).get("earningRules");
        assertThat(rules).hasSize(1);
        return rules.get(0);
    }
}
