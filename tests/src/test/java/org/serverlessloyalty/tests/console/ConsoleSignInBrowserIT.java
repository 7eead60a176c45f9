package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing in to the console and the first thing an admin does: create a store and keep its keys. */
class ConsoleSignInBrowserIT extends ConsoleBrowserTest {

    @Test
    void aWrongKeyIsRefusedNextToTheKeyField() {
        browser.open("");
        browser.fill("Admin key or store API key", "not-the-admin-key").click("Sign in");

        assertThat(browser.waitForErrorNextTo("Admin key or store API key")).contains("refused this key (401)");
        assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
        browser.assertNoConsoleErrors();
    }

    @Test
    void theAdminSignsInAndCreatesAStoreWhoseKeysAreShownOnce() {
        browser.signIn(ConsoleStack.ADMIN_KEY);
        browser.waitForText("Create a store");

        browser.fill("Code", "console-shop").fill("Name", "Console shop").fill("Time zone", "Europe/Paris")
                .click("Create store");

        String keys = browser.find("[data-test=new-store-keys]").getText();
        assertThat(keys).contains("sl_console-shop_");
        String apiKey = browser.find("[data-test=api-key]").getText();
        assertThat(browser.find("[data-test=stores-list]").getText()).as("the list shows the new store")
                .contains("console-shop", "Console shop");
        stack.expect(200, "GET", "/api/console-shop/earningRule", apiKey, null);
        assertThat(stack.expect(200, "GET", "/api/store/console-shop", ConsoleStack.ADMIN_KEY, null)
                .get("timezone").asText()).isEqualTo("Europe/Paris");
        browser.screenshot("sign-in-create-store");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aStoreFieldTheApiRefusesShowsTheApisMessageNextToIt() {
        browser.signIn(ConsoleStack.ADMIN_KEY);
        browser.fill("Code", "bad-currency").fill("Name", "Bad").fill("Currency", "XYZ").click("Create store");

        assertThat(browser.waitForErrorNextTo("Currency")).contains("ISO 4217");
        stack.expect(404, "GET", "/api/store/bad-currency", ConsoleStack.ADMIN_KEY, null);
        browser.assertNoConsoleErrors();
    }

    @Test
    void aStoreKeyOpensOnlyItsStoreAndNoAdminKeySection() {
        var shop = stack.shop("keyed");
        browser.signIn(shop.key());

        String nav = browser.find("#nav").getText();
        assertThat(nav).contains("Store " + shop.code()).doesNotContain("Stores\n");
        assertThat(browser.driver().findElements(By.cssSelector("#nav a[href='#/stores']"))).isEmpty();
        browser.open("#/stores");
        assertThat(browser.driver().getCurrentUrl()).contains("#/store/" + shop.code() + "/");
        browser.assertNoConsoleErrors();
    }
}
