package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Reward campaigns in the console: a campaign with a coupon pool and a photo, bought for a member, marked used, its
 * delivery status changed and the bought rewards exported as CSV; every step checked against the API.
 */
class ConsoleCampaignsBrowserIT extends ConsoleBrowserTest {

    @TempDir
    Path temp;

    /** A segment with one registered member holding {@code points} points: the campaign's audience. */
    private record Audience(String segmentId, String segmentName, String memberId, String email) {
    }

    private Audience audience(ConsoleStack.Shop shop, int points) {
        String segmentName = "Regulars of " + shop.code();
        String segment = stack.expect(200, "POST", "/api/" + shop.code() + "/segment", shop.key(),
                Map.of("segment", Map.of("name", segmentName))).get("segmentId").asText();
        String email = "ann@" + shop.code() + ".example.com";
        String member = stack.expect(200, "POST", "/api/" + shop.code() + "/admin/customer/register", shop.key(),
                Map.of("customer", Map.of("firstName", "Ann", "lastName", "Lee", "email", email)))
                .get("customerId").asText();
        stack.expect(200, "POST", "/api/" + shop.code() + "/segment/" + segment + "/customers", shop.key(),
                Map.of("customers", List.of(member)));
        if (points > 0) {
            stack.expect(200, "POST", "/api/" + shop.code() + "/points/transfer/add", shop.key(),
                    Map.of("transfer", Map.of("customer", member, "points", points)));
        }
        return new Audience(segment, segmentName, member, email);
    }

    /** A real 3x2 PNG, so the browser can decode it and show it back. */
    private Path tinyPng() throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xff0000);
        Path file = temp.resolve("mug.png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private JsonNode bought(ConsoleStack.Shop shop) {
        return stack.expect(200, "GET", "/api/" + shop.code() + "/campaign/bought", shop.key(), null);
    }

    @Test
    void aCampaignWithAPoolAndAPhotoIsBoughtForAMemberMarkedUsedShippedAndExported() throws IOException {
        ConsoleStack.Shop shop = stack.shop("camp");
        Audience audience = audience(shop, 100);
        browser.signIn(ConsoleStack.ADMIN_KEY);
        browser.open("#/store/" + shop.code() + "/campaigns");
        browser.waitForText("Create a campaign");

        browser.fill("Campaign name", "Ten off").choose("Target", "Members of segments")
                .choose("Segments", audience.segmentName()).fill("Cost in points", "30")
                .fill("Limit (all members)", "10").fill("Limit per member", "2")
                .fill("Coupon codes", "ten-1\nTEN-2\n\n").click("Create campaign");
        WebElement created = browser.find("[data-test=new-campaign]");

        JsonNode list = stack.expect(200, "GET", "/api/" + shop.code() + "/campaign", shop.key(), null);
        assertThat(list.get("total").asInt()).isEqualTo(1);
        String campaignId = list.get("campaigns").get(0).get("campaignId").asText();
        JsonNode campaign = stack.expect(200, "GET", "/api/" + shop.code() + "/campaign/" + campaignId, shop.key(), null);
        assertThat(campaign.get("reward").asText()).isEqualTo("discount_code");
        assertThat(campaign.get("costInPoints").decimalValue()).isEqualByComparingTo("30");
        assertThat(campaign.get("segments").get(0).asText()).isEqualTo(audience.segmentId());
        assertThat(campaign.get("coupons").toString()).isEqualTo("[\"TEN-1\",\"TEN-2\"]");
        String listed = browser.find("[data-test=campaigns-list]").getText();
        assertThat(listed).contains("Ten off").contains("Discount code").contains("active");

        created.click();
        browser.waitForText("Coupon pool (2 codes, 2 left to buy)");
        browser.attach("Photo (", tinyPng()).click("Upload photo");
        WebElement photo = browser.find("[data-test=campaign-photos] img");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d ->
                Long.valueOf(3).equals(browser.script("return arguments[0].complete && arguments[0].naturalWidth", photo)));
        JsonNode withPhoto = stack.expect(200, "GET", "/api/" + shop.code() + "/campaign/" + campaignId, shop.key(), null);
        assertThat(withPhoto.get("hasPhoto").asBoolean()).isTrue();
        assertThat(photo.getAttribute("src")).endsWith("/api/" + shop.code() + "/campaign/" + campaignId + "/photo/"
                + withPhoto.get("photos").get(0).get("photoId").asText());

        browser.fill("Member (customer id or e-mail)", audience.email()).click("Buy");
        assertThat(browser.find("[data-test=bought-coupons]").getText()).isEqualTo("TEN-1");
        browser.screenshot("campaign-bought");
        JsonNode status = stack.expect(200, "GET", "/api/" + shop.code() + "/admin/customer/" + audience.memberId() + "/status",
                shop.key(), null);
        assertThat(status.get("points").decimalValue()).isEqualByComparingTo("70");

        browser.click("See the bought rewards");
        browser.waitForText("Bought rewards (1)");
        browser.click("Mark TEN-1 used");
        browser.find("[data-test=reward-used]");
        JsonNode reward = bought(shop).get("boughtCampaigns").get(0);
        assertThat(reward.get("used").asBoolean()).isTrue();
        assertThat(reward.get("customerEmail").asText()).isEqualTo(audience.email());

        browser.choose("Used", "Not used").click("Filter");
        browser.waitForText("No bought reward matches.");
        browser.choose("Used", "Used").click("Filter");
        browser.waitForText("Bought rewards (1)");

        browser.choose("Delivery status of TEN-1", "shipped").click("Set");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d ->
                "shipped".equals(bought(shop).get("boughtCampaigns").get(0).get("deliveryStatus").get("status").asText()));

        browser.click("Export CSV");
        Path csv = browser.downloaded("campaigns-bought.csv", Duration.ofSeconds(20));
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("0.Name,1.Date,2.Cost");
        assertThat(lines.get(1)).startsWith("\"Ten off\",").contains(",30,").contains(audience.email()).endsWith(",1");
        assertThat(browser.waitForText("1 reward exported")).contains("Exporting");
        browser.screenshot("campaign-rewards-exported");
        browser.assertNoConsoleErrors();
    }

    @Test
    void everyProblemOfTheFormIsShownNextToItsFieldAndNothingIsCreated() {
        ConsoleStack.Shop shop = stack.shop("campbad");
        audience(shop, 0);
        browser.signIn(ConsoleStack.ADMIN_KEY);
        browser.open("#/store/" + shop.code() + "/campaigns");
        browser.waitForText("Create a campaign");

        browser.fill("Campaign name", "Broken").choose("Target", "Members of segments")
                .fill("Cost in points", "5").fill("Limit (all members)", "10").fill("Limit per member", "1")
                .fill("Coupon codes", "OK-1\nnot a code");
        assertThat(browser.findAll("input[name='campaign[campaignActivity][activeFrom]']").get(0).isDisplayed())
                .as("the dates are hidden while the campaign is active all the time").isFalse();

        browser.check("Active all the time", false);
        browser.click("Create campaign");

        assertThat(browser.waitForErrorNextTo("Coupon codes")).contains("letters, digits");
        assertThat(browser.errorNextTo("Active from")).contains("should not be blank");
        assertThat(browser.errorNextTo("Active to")).contains("should not be blank");
        assertThat(browser.errorNextTo("Segments")).contains("1 element or more");
        assertThat(browser.errorNextTo("Campaign name")).isEmpty();
        assertThat(stack.expect(200, "GET", "/api/" + shop.code() + "/campaign", shop.key(), null)
                .get("total").asInt()).isZero();
        browser.assertNoConsoleErrors();
    }

    @Test
    void eachRewardTypeShowsItsOwnFieldsAndACashbackCampaignIsCreatedWithItsPointValue() {
        ConsoleStack.Shop shop = stack.shop("campcash");
        Audience audience = audience(shop, 0);
        browser.signIn(ConsoleStack.ADMIN_KEY);
        browser.open("#/store/" + shop.code() + "/campaigns");
        browser.waitForText("Create a campaign");
        assertThat(browser.field("Coupon codes").isDisplayed()).isTrue();

        browser.choose("Reward type", "Percentage discount code");
        assertThat(browser.field("Percentage of the transaction").isDisplayed()).isTrue();
        assertThat(browser.findAll("textarea[name='campaign[coupons]']").get(0).isDisplayed()).isFalse();

        browser.choose("Reward type", "Cashback");
        browser.fill("Campaign name", "Cash back").choose("Target", "Members of segments")
                .choose("Segments", audience.segmentName()).fill("Value of one point", "0.5")
                .click("Create campaign");
        browser.find("[data-test=new-campaign]");

        JsonNode campaign = stack.expect(200, "GET", "/api/" + shop.code() + "/campaign", shop.key(), null)
                .get("campaigns").get(0);
        assertThat(campaign.get("reward").asText()).isEqualTo("cashback");
        assertThat(campaign.get("pointValue").decimalValue()).isEqualByComparingTo("0.5");
        browser.screenshot("campaign-cashback");
        browser.assertNoConsoleErrors();
    }

    @Test
    void theStoresOwnKeyListsItsCampaignsWithUsageLeftAndDeactivatesOne() {
        ConsoleStack.Shop shop = stack.shop("campkey");
        Audience audience = audience(shop, 0);
        String campaignId = stack.expect(200, "POST", "/api/" + shop.code() + "/campaign", shop.key(), Map.of("campaign",
                Map.ofEntries(Map.entry("reward", "gift_code"),
                        Map.entry("translations", Map.of("en", Map.of("name", "Mug"))), Map.entry("active", true),
                        Map.entry("costInPoints", 50), Map.entry("segments", List.of(audience.segmentId())),
                        Map.entry("unlimited", false), Map.entry("limit", 3), Map.entry("limitPerUser", 1),
                        Map.entry("daysInactive", 0), Map.entry("daysValid", 0),
                        Map.entry("coupons", List.of("MUG-1", "MUG-2")),
                        Map.entry("campaignActivity", Map.of("allTimeActive", true)),
                        Map.entry("campaignVisibility", Map.of("allTimeVisible", true))))).get("campaignId").asText();

        stack.expect(200, "POST", "/api/" + shop.code() + "/campaign", shop.key(), Map.of("campaign", Map.of(
                "reward", "cashback", "translations", Map.of("en", Map.of("name", "Zeta cash")), "active", true,
                "segments", List.of(audience.segmentId()), "pointValue", 0.5,
                "campaignActivity", Map.of("allTimeActive", true))));

        browser.signIn(shop.key());
        browser.open("#/store/" + shop.code() + "/campaigns");
        WebElement row = browser.find("[data-test=campaigns-list] tbody tr");
        assertThat(row.getText()).contains("Mug").contains("Gift code").contains("50").contains("2").contains("active");
        assertThat(browser.findAll("[data-test=campaigns-list] tbody tr").get(1).getText())
                .contains("Zeta cash").contains("Cashback").contains("unlimited");
        row.findElement(By.xpath(".//button[normalize-space(.)='Deactivate']")).click();
        browser.waitForText("inactive");

        assertThat(stack.expect(200, "GET", "/api/" + shop.code() + "/campaign/" + campaignId, shop.key(), null)
                .get("active").asBoolean()).isFalse();
        browser.click("Bought rewards");
        browser.waitForText("No bought reward matches.");
        browser.assertNoConsoleErrors();
    }
}
