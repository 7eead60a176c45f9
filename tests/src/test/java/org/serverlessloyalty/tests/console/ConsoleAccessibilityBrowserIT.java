package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * Every section of the console, for the admin key and for a store key, has a label on each form control, a name on
 * each button, one page heading, no id twice, and shows without an error; and a person with a keyboard alone can
 * sign in, create a store, open it and send a form.
 */
class ConsoleAccessibilityBrowserIT extends ConsoleBrowserTest {

    /**
     * What the page breaks, one line each: a control no label names, a button with no name, an image without alt
     * text, an id used twice, not exactly one h1, or a page that could not be shown.
     */
    private static final String PROBLEMS = """
            const problems = [];
            const describe = (el) => el.outerHTML.slice(0, 160);
            for (const el of document.querySelectorAll('input, select, textarea')) {
              if (el.type === 'hidden') continue;
              const labelled = [...(el.labels || [])].some((l) => l.textContent.trim())
                || (el.getAttribute('aria-label') || '').trim()
                || (el.getAttribute('aria-labelledby') || '').split(/\\s+/).some((id) => document.getElementById(id)?.textContent.trim());
              if (!labelled) problems.push('no label: ' + describe(el));
            }
            for (const el of document.querySelectorAll('button, a[href]')) {
              if (!el.textContent.trim() && !(el.getAttribute('aria-label') || '').trim()) problems.push('no name: ' + describe(el));
            }
            for (const el of document.querySelectorAll('img:not([alt])')) problems.push('no alt: ' + describe(el));
            const ids = new Map();
            for (const el of document.querySelectorAll('[id]')) ids.set(el.id, (ids.get(el.id) || 0) + 1);
            for (const [id, count] of ids) if (count > 1) problems.push('id used ' + count + ' times: ' + id);
            const headings = document.querySelectorAll('main h1').length;
            if (headings !== 1) problems.push(headings + ' h1 in main');
            for (const el of document.querySelectorAll('main .notice-error')) problems.push('error shown: ' + el.textContent.trim());
            return problems;
            """;

    @Test
    void everySectionTheAdminKeyOpensHasLabelledFieldsAndNoErrors() {
        var shop = stack.shop("a11y-admin");
        browser.signIn(ConsoleStack.ADMIN_KEY);

        var visited = ConsoleSections.visitEach(browser, shop.code(), section ->
                assertThat(problems()).as("accessibility problems of " + section).isEmpty());

        assertThat(visited).extracting(ConsoleSections.Section::title).contains("Stores", "Overview");
        // The check itself finds what it looks for: a field added without a label is named.
        browser.script("document.querySelector('main').append(document.createElement('textarea'))");
        assertThat(problems()).anyMatch(p -> p.startsWith("no label: <textarea"));
        browser.assertNoConsoleErrors();
    }

    @Test
    void everySectionAStoreKeyOpensHasLabelledFieldsAndNoErrors() {
        var shop = stack.shop("a11y-store");
        browser.signIn(shop.key());

        var visited = ConsoleSections.visitEach(browser, shop.code(), section ->
                assertThat(problems()).as("accessibility problems of " + section).isEmpty());

        assertThat(visited).extracting(ConsoleSections.Section::title).contains("Overview").doesNotContain("Stores");
        // Its picker offers its one store, no blank choice.
        assertThat(browser.findAll("#store-select option")).extracting(o -> o.getText()).containsExactly(shop.code());
        browser.assertNoConsoleErrors();
    }

    @Test
    void withTheKeyboardAloneAnAdminSignsInCreatesAStoreOpensItAndChangesThePointsPeriod() {
        String code = "kbd-" + Long.toString(System.nanoTime(), 36);
        browser.open("");
        // The key field has the focus when the page opens; Enter in it sends the form.
        assertThat(focused()).isEqualTo("field:Admin key or store API key");
        browser.press(ConsoleStack.ADMIN_KEY).press(Keys.ENTER);
        browser.waitForText("Create a store");

        // The skip link is the first stop of the page and takes the focus to the content.
        tabUntil(d -> d.equals("a:Skip to content"));
        browser.press(Keys.ENTER);
        assertThat(focused()).isEqualTo("main:");

        tabUntil(d -> d.startsWith("field:Code")).press(code);
        tabUntil(d -> d.startsWith("field:Name")).press("Keyboard shop");
        tabUntil(d -> d.equals("button:Create store")).press(Keys.SPACE);
        assertThat(browser.find("[data-test=api-key]").getText()).startsWith("sl_" + code + "_");
        stack.expect(200, "GET", "/api/store/" + code, ConsoleStack.ADMIN_KEY, null);
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1300));
        browser.script("window.scrollTo(0, 0)");
        browser.screenshot("stores-created-keys");

        // The store picker already lists the new store: typing its code there opens it.
        tabUntil(d -> d.equals("field:Store"));
        browser.press(code);
        browser.find("[data-test=points-chart]");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/store/" + code + "/overview");

        tabUntil(d -> d.equals("field:Period")).press(Keys.ARROW_DOWN);
        tabUntil(d -> d.equals("button:Show")).press(Keys.ENTER);
        browser.waitForText("Points last 90 days, by day");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/overview?period=day%3A90");
        browser.screenshot("keyboard-journey");
        browser.assertNoConsoleErrors();
    }

    @SuppressWarnings("unchecked")
    private List<String> problems() {
        return (List<String>) browser.script(PROBLEMS);
    }

    /** What has the focus: "field:<its label>", or "<tag>:<its text>". */
    private String focused() {
        return (String) browser.script("""
                const el = document.activeElement;
                if (!el) return '';
                if (el.labels && el.labels.length) return 'field:' + el.labels[0].textContent.replace(/\\s*\\*$/, '').trim();
                return el.tagName.toLowerCase() + ':' + (el.getAttribute('aria-label') || (el.tagName === 'MAIN' ? '' : el.textContent.trim()));
                """);
    }

    /** Presses Tab until the focus is on what {@code wanted} accepts (at most 60 times). */
    private Browser tabUntil(Predicate<String> wanted) {
        for (int i = 0; i < 60; i++) {
            browser.tab();
            if (wanted.test(focused())) {
                return browser;
            }
        }
        throw new AssertionError("Tab never reached what was wanted; the focus is on " + focused());
    }
}
