package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The gift-code pages: generate a batch and download it as CSV, create listed codes, find, void, usage. */
class ConsoleGiftCodesBrowserIT extends ConsoleBrowserTest {

    @Test
    void generatesTenThousandCodesAndDownloadsEveryOneAsTheApiListsThem() throws IOException {
        var shop = stack.shop("csv");
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/giftcodes");
        WebElement generate = section("Generate codes");
        browser.fill(generate, "How many", "10000").fill(generate, "Prefix", "BULK")
                .choose(generate, "Discount type", "an amount (VALUE)").fill(generate, "Value", "20")
                .fill(generate, "Uses in total", "1").click(generate, "Generate codes");

        // Up to two minutes for 10,000 codes on a busy machine; an answer the API refused ends the wait at once.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(120)).until(d -> !d.findElements(By.cssSelector(
                "[data-test=batch-id]")).isEmpty() || !generate.findElement(By.cssSelector(".form-errors")).getText().isBlank());
        assertThat(generate.findElement(By.cssSelector(".form-errors")).getText()).as("the generation's errors").isBlank();
        String batchId = browser.find("[data-test=batch-id]").getText();
        assertThat(browser.find("[data-test=generated]").getText()).startsWith("10,000 codes generated");
        browser.click("Download the codes (CSV)");
        Path file = browser.downloaded("giftcodes-" + batchId + ".csv", Duration.ofSeconds(120));
        browser.script("arguments[0].scrollIntoView({block: 'center'})", browser.find("[data-test=batch-download]"));
        browser.screenshot("giftcodes-batch-csv");

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("code,value,discountType,");
        List<String> fileCodes = lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList();
        List<String> apiCodes = batchCodes(shop, batchId);
        assertThat(apiCodes).hasSize(10_000).allMatch(c -> c.startsWith("BULK"));
        assertThat(fileCodes).containsExactlyElementsOf(apiCodes);
        assertThat(lines.get(1)).contains(",20,VALUE,").contains(",ACTIVE,").endsWith("," + batchId);
        assertThat(browser.find("[data-test=batch-download]").getText()).contains("10,000 codes saved");
        browser.assertNoConsoleErrors();
    }

    @Test
    void listedCodesAreFoundByPrefixOpenedWithTheirUsageAndVoided() {
        var shop = stack.shop("listed");
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/giftcodes");
        WebElement create = section("Create listed codes");
        browser.fill(create, "Codes to create", "FINDME-ONE\nFINDME-TWO").choose(create, "Discount type", "a percentage (PERCENT)")
                .fill(create, "Value", "15").fill(create, "Uses in total", "3").fill(create, "Campaign", "spring")
                .click(create, "Create codes");
        assertThat(browser.find("[data-test=listed]").getText()).startsWith("2 codes created");
        assertThat(stack.expect(200, "GET", "/api/" + shop.code() + "/admin/giftCodes/findme-two", ConsoleStack.ADMIN_KEY, null)
                .get("campaignId").asText()).isEqualTo("spring");

        WebElement find = section("Find codes");
        browser.fill(find, "Code starts with", "findme").click(find, "Find");
        String found = browser.find("[data-test=codes-results] table").getText();
        assertThat(found).contains("FINDME-ONE").contains("FINDME-TWO");

        browser.click("FINDME-ONE");
        browser.waitForText("Gift code FINDME-ONE");
        assertThat(browser.find("[data-test=code-usage]").getText()).contains("Used by orders\n0").contains("Uses left\n3");
        browser.click("Void this code");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        browser.waitForText("checkout refuses FINDME-ONE");
        assertThat(browser.find("[data-test=code-status]").getText()).isEqualTo("VOIDED");
        assertThat(stack.expect(200, "GET", "/api/" + shop.code() + "/admin/giftCodes/FINDME-ONE", ConsoleStack.ADMIN_KEY, null)
                .get("status").asText()).isEqualTo("VOIDED");
        browser.screenshot("giftcodes-voided");

        browser.click("All codes");
        WebElement again = section("Find codes");
        browser.fill(again, "Code starts with", "FINDME");
        browser.driver().findElement(By.cssSelector("select[name=status] option[value=ACTIVE]")).click();
        browser.click(again, "Find");
        String active = browser.find("[data-test=codes-results] table").getText();
        assertThat(active).contains("FINDME-TWO").doesNotContain("FINDME-ONE");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aListedCodeThatExistsIsRefusedNextToTheCodesAndNoneIsCreated() {
        var shop = stack.shop("dupe");
        stack.expect(201, "POST", "/api/" + shop.code() + "/admin/giftCodes", ConsoleStack.ADMIN_KEY,
                Map.of("codes", List.of(Map.of("code", "TAKEN", "value", 5, "discountType", "VALUE"))));
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/giftcodes");
        WebElement create = section("Create listed codes");
        browser.fill(create, "Codes to create", "FRESH\nTAKEN").fill(create, "Value", "5").click(create, "Create codes");

        assertThat(browser.waitForErrorNextTo("Codes to create")).contains("TAKEN");
        stack.expect(404, "GET", "/api/" + shop.code() + "/admin/giftCodes/FRESH", ConsoleStack.ADMIN_KEY, null);
        browser.assertNoConsoleErrors();
    }

    @Test
    void aBatchIsVoidedWholeFromTheConsole() {
        var shop = stack.shop("voidbatch");
        String batchId = stack.expect(201, "POST", "/api/" + shop.code() + "/admin/giftCodes", ConsoleStack.ADMIN_KEY,
                Map.of("generate", Map.of("count", 150, "prefix", "GONE"),
                        "template", Map.of("value", 5, "discountType", "VALUE"))).get("batchId").asText();
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/giftcodes");
        WebElement batch = section("A batch");
        browser.fill(batch, "Batch to void", batchId).click(batch, "Void every code of the batch");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();

        assertThat(browser.find("[data-test=batch-voided]").getText()).startsWith("150 codes of batch " + batchId + " voided");
        JsonNode active = stack.expect(200, "GET", "/api/" + shop.code() + "/admin/giftCodes?batch=" + batchId
                + "&status=ACTIVE", ConsoleStack.ADMIN_KEY, null);
        assertThat(active.get("codes")).isEmpty();
        browser.assertNoConsoleErrors();
    }

    @Test
    void aLongListIsReadInCursorPagesForwardAndBack() {
        var shop = stack.shop("pages");
        stack.expect(201, "POST", "/api/" + shop.code() + "/admin/giftCodes", ConsoleStack.ADMIN_KEY,
                Map.of("generate", Map.of("count", 120, "prefix", "PAGE"), "template", Map.of("value", 5, "discountType", "VALUE")));
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/giftcodes");
        WebElement find = section("Find codes");
        browser.fill(find, "Code starts with", "PAGE").fill(find, "Codes per page", "50").click(find, "Find");
        browser.waitForText("Page 1");

        List<String> first = listedCodes();
        assertThat(first).hasSize(50);
        browser.click("Next page");
        browser.waitForText("Page 2");
        List<String> second = listedCodes();
        browser.click("Next page");
        browser.waitForText("Page 3 (last)");
        List<String> third = listedCodes();
        assertThat(second).hasSize(50).doesNotContainAnyElementsOf(first);
        assertThat(third).hasSize(20).doesNotContainAnyElementsOf(second);
        browser.click("Previous page");
        browser.waitForText("Page 2");
        assertThat(listedCodes()).isEqualTo(second);
        browser.assertNoConsoleErrors();
    }

    @Test
    void aFilterTheApiRefusesIsShownNextToItsField() {
        var shop = stack.shop("badfilter");
        browser.signIn(ConsoleStack.ADMIN_KEY).open("#/store/" + shop.code() + "/giftcodes");
        WebElement find = section("Find codes");
        browser.fill(find, "Code starts with", "no spaces allowed").click(find, "Find");

        assertThat(browser.waitForErrorNextTo("Code starts with")).isNotBlank();
        browser.assertNoConsoleErrors();
    }

    /** The codes of the results table now shown. */
    private List<String> listedCodes() {
        return browser.findAll("[data-test=codes-results] tbody tr td:first-child").stream().map(WebElement::getText).toList();
    }

    private WebElement section(String title) {
        return browser.find("section").findElement(By.xpath(
                "//section[h2[normalize-space(.)='" + title + "']]"));
    }

    /** Every code of the batch, through the API's own pages. */
    private List<String> batchCodes(ConsoleStack.Shop shop, String batchId) {
        List<String> codes = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = stack.expect(200, "GET", "/api/" + shop.code() + "/admin/giftCodes?limit=100&batch=" + batchId
                    + (next == null ? "" : "&next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8)),
                    ConsoleStack.ADMIN_KEY, null);
            page.get("codes").forEach(c -> codes.add(c.get("code").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);
        return codes;
    }
}
