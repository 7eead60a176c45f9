package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A store's settings page: every setting the store PUT takes, and the rotations of its keys and secret. */
class ConsoleStoresBrowserIT extends ConsoleBrowserTest {

    @Test
    void theAdminChangesAStoresSettingsAndTheApiHoldsThemAndTheFormShowsThemBack() {
        var shop = stack.shop("settings");
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/settings");
        browser.waitForText("Store " + shop.code() + ": settings");

        browser.fill("Time zone", "America/New_York").fill("Locale", "fr")
                .choose("Points expire", "at the end of the month")
                .check("Accept returns", true)
                .fill("Delivery SKUs", "SHIPPING\nEXPRESS")
                .fill("Find a transaction’s member by", "email\nphone")
                .choose("A member’s level follows", "transactions")
                .choose("Moving down a level", "after a number of days")
                .fill("Days before moving down", "45")
                .click("Save settings");
        browser.find("[data-test=settings-saved]");

        JsonNode store = stack.expect(200, "GET", "/api/store/" + shop.code(), ConsoleStack.ADMIN_KEY, null);
        assertThat(store.get("timezone").asText()).isEqualTo("America/New_York");
        assertThat(store.get("locale").asText()).isEqualTo("fr");
        assertThat(store.get("pointsDaysExpiryAfter").asText()).isEqualTo("at_the_end_of_the_month");
        assertThat(store.get("returns").asBoolean()).isTrue();
        assertThat(texts(store.get("excludedDeliverySKUs"))).containsExactlyInAnyOrder("SHIPPING", "EXPRESS");
        assertThat(store.get("customersIdentificationPriority").get(0).get("field").asText()).isEqualTo("email");
        assertThat(store.get("tierAssignType").asText()).isEqualTo("transactions");
        assertThat(store.get("levelDowngradeMode").asText()).isEqualTo("after_x_days");
        assertThat(store.get("levelDowngradeDays").asInt()).isEqualTo(45);
        assertThat(store.get("active").asBoolean()).isTrue();
        browser.screenshot("store-settings");

        browser.driver().navigate().refresh();
        browser.waitForText("Store " + shop.code() + ": settings");
        assertThat(browser.field("Time zone").getAttribute("value")).isEqualTo("America/New_York");
        assertThat(browser.field("Delivery SKUs").getAttribute("value").split("\n")).containsExactlyInAnyOrder("SHIPPING", "EXPRESS");
        assertThat(browser.field("Accept returns").isSelected()).isTrue();
        browser.assertNoConsoleErrors();
    }

    @Test
    void aSettingTheApiRefusesIsShownNextToItsFieldAndNothingChanges() {
        var shop = stack.shop("badzone");
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/settings");
        browser.fill("Time zone", "Mars/Olympus_Mons").fill("Locale", "de").click("Save settings");

        assertThat(browser.waitForErrorNextTo("Time zone")).isNotBlank();
        JsonNode store = stack.expect(200, "GET", "/api/store/" + shop.code(), ConsoleStack.ADMIN_KEY, null);
        assertThat(store.get("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(store.get("locale").asText()).isEqualTo("en");
        browser.assertNoConsoleErrors();
    }

    @Test
    void deactivatingAStoreFromItsSettingsClosesItsKey() {
        var shop = stack.shop("closing");
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/settings");
        browser.check("Active", false).click("Save settings");
        browser.find("[data-test=settings-saved]");

        assertThat(stack.expect(200, "GET", "/api/store/" + shop.code(), ConsoleStack.ADMIN_KEY, null)
                .get("active").asBoolean()).isFalse();
        browser.assertNoConsoleErrors();
    }

    @Test
    void rotatingTheApiKeyShowsANewKeyThatWorksAtOnce() {
        var shop = stack.shop("rotate");
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/settings");

        browser.click("Rotate the API key");
        acceptConfirm();
        String newKey = browser.find("[data-test=rotated-key]").getText();

        assertThat(newKey).startsWith("sl_" + shop.code() + "_").isNotEqualTo(shop.key());
        stack.expect(200, "GET", "/api/" + shop.code() + "/earningRule", newKey, null);
        browser.screenshot("store-key-rotated");

        browser.click("Rotate the publishable key");
        acceptConfirm();
        browser.waitForText("New publishable key");
        assertThat(browser.find("[data-test=rotated-key]").getText()).startsWith("pk_" + shop.code() + "_");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aRotationTheAdminCancelsRotatesNothing() {
        var shop = stack.shop("keep");
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/settings");

        browser.click("Rotate the API key");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).dismiss();

        assertThat(browser.findAll("[data-test=rotated-key]")).isEmpty();
        stack.expect(200, "GET", "/api/" + shop.code() + "/earningRule", shop.key(), null);
        browser.assertNoConsoleErrors();
    }

    @Test
    void rotatingTheCustomerTokenSecretRefusesTokensIssuedBefore() {
        var shop = stack.shop("tokens");
        String member = stack.expect(200, "POST", "/api/" + shop.code() + "/admin/customer/register", shop.key(),
                Map.of("customer", Map.of("firstName", "Tia", "lastName", "Lee", "email", "tia@example.com")))
                .get("customerId").asText();
        String token = stack.expect(200, "POST", "/api/" + shop.code() + "/customer/token", shop.key(),
                Map.of("customerId", member)).get("token").asText();
        stack.expect(200, "GET", "/api/" + shop.code() + "/customer/customer/" + member + "/status", token, null);
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/settings");

        browser.click("Rotate the customer-token secret");
        acceptConfirm();

        assertThat(browser.find("[data-test=secret-rotated]").getText()).contains("version");
        stack.expect(401, "GET", "/api/" + shop.code() + "/customer/customer/" + member + "/status", token, null);
        browser.assertNoConsoleErrors();
    }

    private void acceptConfirm() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
