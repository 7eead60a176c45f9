package org.serverlessloyalty.tests.console;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * A browser test of the console: one local stack per class (the whole template, as the README's first command
 * starts it) and a fresh browser per test, closed after it. Without chromium the browser's start skips the test.
 */
abstract class ConsoleBrowserTest {

    protected static ConsoleStack stack;
    protected Browser browser;

    @BeforeAll
    static void startStack() {
        stack = ConsoleStack.start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    @BeforeEach
    void startBrowser() {
        browser = openBrowser();
    }

    /** The browser each test gets; a test class that needs another kind (recording requests) says so here. */
    protected Browser openBrowser() {
        return Browser.start(stack.baseUri());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
