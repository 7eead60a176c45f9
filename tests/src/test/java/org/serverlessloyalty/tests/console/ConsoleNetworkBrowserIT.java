package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console needs nothing but its own host: every request the browser sends while every section is visited, for
 * the admin key and for a store key, goes to the stack's origin (the Content-Security-Policy that forbids the rest
 * is checked header by header in ConsoleFilesHttpIT; this is what the pages actually ask for).
 */
class ConsoleNetworkBrowserIT extends ConsoleBrowserTest {

    @Override
    protected Browser openBrowser() {
        return Browser.startRecordingRequests(stack.baseUri());
    }

    @Test
    void everyRequestOfEverySectionGoesToTheStacksOwnHost() {
        var shop = stack.shop("network");
        List<String> requests = new ArrayList<>();
        browser.requests();

        browser.signIn(ConsoleStack.ADMIN_KEY);
        ConsoleSections.visitEach(browser, shop.code(), section -> requests.addAll(browser.requests()));
        browser.click("Sign out");
        browser.signIn(shop.key());
        ConsoleSections.visitEach(browser, shop.code(), section -> requests.addAll(browser.requests()));
        requests.addAll(browser.requests());

        // Chromium's own pages (its new-tab page as it starts) are read from inside the browser, not the network.
        requests.removeIf(url -> url.startsWith("chrome://") || url.startsWith("chrome-untrusted://"));
        String origin = origin(stack.baseUri());
        // The log saw the page's own files and its API calls for both keys, so an empty check means something.
        assertThat(requests).contains(origin + "/console", origin + "/console/js/app.js", origin + "/console/console.css")
                .anyMatch(url -> url.startsWith(origin + "/api/store?"))
                .anyMatch(url -> url.startsWith(origin + "/api/" + shop.code() + "/points/transfers?"));
        assertThat(requests).as("requests to anywhere but " + origin)
                .allMatch(url -> url.startsWith(origin + "/") || url.equals(origin) || url.startsWith("data:")
                        || url.startsWith("blob:" + origin + "/"));
        browser.assertNoConsoleErrors();
    }

    private static String origin(URI base) {
        return base.getScheme() + "://" + base.getAuthority();
    }
}
