package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The console's shell (app.js): the section list and the store picker follow the latest address. */
class ConsoleShellBrowserIT extends ConsoleBrowserTest {

    @Test
    void aSlowStoreListReadForAnEarlierAddressDoesNotOverwriteTheSectionsOfTheLatest() {
        var shop = stack.shop("shell");
        browser.signIn(ConsoleStack.ADMIN_KEY);
        browser.waitForText("Create a store");

        // The next read of the store list (asked for the Stores page) answers two seconds late; the person meanwhile
        // opens a store, whose own read answers at once.
        browser.script("""
                const slow = window.fetch;
                let delayed = false;
                window.fetch = (url, options) => {
                  if (!delayed && String(url).includes('/api/store?perPage=100')) {
                    delayed = true;
                    return new Promise((resolve) => setTimeout(resolve, 2000)).then(() => slow(url, options));
                  }
                  return slow(url, options);
                };
                window.dispatchEvent(new Event('console:stores-changed'));
                location.hash = arguments[0];
                """, "#/store/" + shop.code() + "/overview");
        browser.find("[data-test=points-chart]");
        browser.script("return new Promise((resolve) => setTimeout(resolve, 2500))");

        assertThat(browser.find("#nav").getText()).contains("Store " + shop.code()).contains("Overview");
        assertThat(browser.find("#store-select").getAttribute("value")).isEqualTo(shop.code());
        browser.assertNoConsoleErrors();
    }
}
