package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The overview's charts draw what the API holds: points earned, spent and expired today, members per level and
 * members who redeemed each campaign, all made through the API first. ConsoleStack makes stores in Europe/Paris,
 * so "today" is that zone's day, as the histogram groups it.
 */
class ConsoleChartsBrowserIT extends ConsoleBrowserTest {

    @Test
    void theOverviewDrawsThePointsLevelsAndCampaignsMadeThroughTheApi() {
        var shop = stack.shop("charts");
        String base = level(shop, "Base", 0);
        String silver = level(shop, "Silver", 100);
        String ann = member(shop, "Ann");
        String bob = member(shop, "Bob");
        String cid = member(shop, "Cid");
        addPoints(shop, ann, 120);
        addPoints(shop, bob, 50);
        stack.expect(200, "POST", "/api/" + shop.code() + "/points/transfer/spend", shop.key(),
                Map.of("transfer", Map.of("customer", bob, "points", 30)));
        String lot = addPoints(shop, cid, 20);
        stack.expect(204, "POST", "/api/" + shop.code() + "/points/transfer/" + lot + "/expire", shop.key(), null);
        String tenOff = campaign(shop, "Ten off", List.of(base, silver), "TENOFF");
        campaign(shop, "Free coffee", List.of(base, silver), "COFFEE");
        stack.expect(200, "POST", "/api/" + shop.code() + "/admin/customer/" + ann + "/campaign/" + tenOff + "/buy",
                shop.key(), null);

        browser.signIn(ConsoleStack.ADMIN_KEY);
        browser.open("#/store/" + shop.code() + "/overview");
        browser.find("[data-test=points-chart] svg");

        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        // 120 + 50 + 20 added; 30 spent by hand and 10 by Ann's reward; Cid's 20 expired.
        assertThat(point("Earned", today)).isEqualTo("190");
        assertThat(point("Spent", today)).isEqualTo("40");
        assertThat(point("Expired", today)).isEqualTo("20");
        assertThat(browser.findAll("[data-test=points-chart] [data-series=Earned] circle")).hasSize(30);
        assertThat(browser.find("[data-test=points-totals]").getText())
                .contains("Earned\n190").contains("Spent\n40").contains("Expired\n20");

        // Ann stays at Silver (110 points after her reward); Bob (20) and Cid (0) are at Base.
        assertThat(bars("levels-chart")).containsExactly(Map.entry("Base", "2"), Map.entry("Silver", "1"));
        assertThat(bars("campaigns-chart")).containsExactly(Map.entry("Ten off", "1"), Map.entry("Free coffee", "0"));

        WebElement levels = browser.find("[data-test=levels-chart] svg");
        assertThat(levels.getAttribute("role")).isEqualTo("img");
        assertThat(levels.getAttribute("aria-label")).isEqualTo("Members per level. Base: 2; Silver: 1");
        assertThat(browser.driver().findElement(By.cssSelector("[data-test=levels-chart-data]"))
                .getAttribute("textContent")).contains("Base2").contains("Silver1");
        assertThat(browser.driver().findElement(By.cssSelector("[data-test=points-chart-data]"))
                .getAttribute("textContent")).contains(today + "1904020");
        assertThat(browser.mainText()).contains("Usage of each campaign");
        // Tall enough for the three charts in one picture (the README shows it).
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1440, 1240));
        browser.screenshot("overview-charts");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aStoreKeyOpensOnTheOverviewAndShowsTheLastTwelveMonthsByMonth() {
        var shop = stack.shop("months");
        addPoints(shop, member(shop, "Dee"), 75);

        browser.signIn(shop.key());
        browser.find("[data-test=points-chart] svg");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/store/" + shop.code() + "/overview");
        browser.choose("Period", "Last 12 months, by month").click("Show");

        String month = LocalDate.now(ZoneId.of("Europe/Paris")).format(DateTimeFormatter.ofPattern("yyyy-MM"));
        browser.waitForText("Points last 12 months, by month");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/overview?period=month%3A365");
        assertThat(point("Earned", month)).isEqualTo("75");
        assertThat(browser.findAll("[data-test=points-chart] [data-series=Earned] circle"))
                .allSatisfy(c -> assertThat(c.getAttribute("data-label")).matches("\\d{4}-\\d{2}"));
        assertThat(browser.field("Period").getAttribute("value")).isEqualTo("month:365");
        browser.screenshot("overview-months-store-key");
        browser.assertNoConsoleErrors();
    }

    @Test
    void aNewStoreShowsEmptyPartsAndAFlatPointsLineRatherThanErrors() {
        var shop = stack.shop("empty");

        browser.signIn(ConsoleStack.ADMIN_KEY);
        browser.open("#/store/" + shop.code() + "/overview");
        browser.find("[data-test=points-chart] svg");

        assertThat(browser.waitForText("No level yet.")).contains("No reward campaign yet.");
        assertThat(browser.findAll("[data-test=points-chart] circle"))
                .hasSize(90).allSatisfy(c -> assertThat(c.getAttribute("data-value")).isEqualTo("0"));
        assertThat(browser.findAll("main .notice-error")).isEmpty();
        browser.assertNoConsoleErrors();
    }

    /** The value the points chart draws for {@code series} in the period {@code label}. */
    private String point(String series, String label) {
        return browser.find("[data-test=points-chart] [data-series=" + series + "] circle[data-label='" + label + "']")
                .getAttribute("data-value");
    }

    /** A bar chart's bars in drawing order: label to value. */
    private Map<String, String> bars(String dataTest) {
        browser.find("[data-test=" + dataTest + "]");
        Map<String, String> bars = new LinkedHashMap<>();
        for (WebElement bar : browser.findAll("[data-test=" + dataTest + "] rect.bar")) {
            bars.put(bar.getAttribute("data-label"), bar.getAttribute("data-value"));
        }
        return bars;
    }

    private String level(ConsoleStack.Shop shop, String name, int conditionValue) {
        return stack.expect(200, "POST", "/api/" + shop.code() + "/level/create", shop.key(), Map.of("level", Map.of(
                "translations", Map.of("en", Map.of("name", name)), "active", true, "conditionValue", conditionValue,
                "reward", Map.of("name", name + " reward", "value", 1, "code", name.toUpperCase() + "1"))))
                .get("id").asText();
    }

    private String member(ConsoleStack.Shop shop, String firstName) {
        return stack.expect(200, "POST", "/api/" + shop.code() + "/admin/customer/register", shop.key(),
                Map.of("customer", Map.of("firstName", firstName, "lastName", "Chart",
                        "email", firstName.toLowerCase() + "@example.com"))).get("customerId").asText();
    }

    private String addPoints(ConsoleStack.Shop shop, String customer, int points) {
        return stack.expect(200, "POST", "/api/" + shop.code() + "/points/transfer/add", shop.key(),
                Map.of("transfer", Map.of("customer", customer, "points", points))).get("pointsTransferId").asText();
    }

    private String campaign(ConsoleStack.Shop shop, String name, List<String> levels, String codePrefix) {
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("reward", "discount_code");
        campaign.put("translations", Map.of("en", Map.of("name", name)));
        campaign.put("active", true);
        campaign.put("costInPoints", 10);
        campaign.put("rewardValue", 10);
        campaign.put("target", "level");
        campaign.put("levels", levels);
        campaign.put("unlimited", false);
        campaign.put("singleCoupon", false);
        campaign.put("limit", 10);
        campaign.put("limitPerUser", 2);
        campaign.put("daysInactive", 0);
        campaign.put("daysValid", 30);
        campaign.put("coupons", List.of(codePrefix + "-1", codePrefix + "-2"));
        campaign.put("campaignActivity", Map.of("allTimeActive", true));
        campaign.put("campaignVisibility", Map.of("allTimeVisible", true));
        return stack.expect(200, "POST", "/api/" + shop.code() + "/campaign", shop.key(), Map.of("campaign", campaign))
                .get("campaignId").asText();
    }
}
