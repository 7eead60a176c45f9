package org.serverlessloyalty.tests.console;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Walks the console's section list as the signed-in key sees it, clicking each link in turn: written against the
 * list itself, not a list of pages, so every page a merge adds is visited too.
 */
final class ConsoleSections {

    /** A link of the section list: its text and its address. */
    record Section(String title, String hash) {
    }

    private ConsoleSections() {
    }

    /**
     * Opens {@code store} (through the store picker for the admin key; a store key is already in its store), then
     * clicks every link of the section list and, once its page has rendered, hands it to {@code check}. Answers
     * the sections visited.
     */
    static List<Section> visitEach(Browser browser, String store, Consumer<Section> check) {
        WebDriverWait wait = new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20));
        wait.until(d -> !d.findElements(By.cssSelector("#store-select option[value='" + store + "']")).isEmpty());
        Select picker = new Select(browser.driver().findElement(By.id("store-select")));
        if (!store.equals(picker.getFirstSelectedOption().getAttribute("value"))) {
            picker.selectByValue(store);
        }
        wait.until(d -> d.getCurrentUrl().contains("#/store/" + store + "/"));
        List<Section> sections = new ArrayList<>();
        for (WebElement link : browser.findAll("#nav a")) {
            sections.add(new Section(link.getText().strip(), link.getAttribute("href").replaceFirst("^[^#]*", "")));
        }
        // The store's sections first: a page about the deployment (Stores) shows no store's sections in the list.
        sections.sort(java.util.Comparator.comparing((Section s) -> !s.hash().startsWith("#/store/")));
        for (Section section : sections) {
            browser.driver().findElement(By.cssSelector("#nav a[href='" + section.hash() + "']")).click();
            // The shell names the document after the page once the page is shown (or its error is).
            wait.until(d -> d.getTitle().equals(section.title() + " · serverless-loyalty console")
                    && d.findElements(By.cssSelector("main .loading")).isEmpty());
            check.accept(section);
        }
        return sections;
    }
}
