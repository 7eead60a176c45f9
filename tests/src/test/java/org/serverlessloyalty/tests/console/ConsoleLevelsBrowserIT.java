package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The levels section: create, see who reached it, edit, deactivate; checked against the API's answers. */
class ConsoleLevelsBrowserIT extends ConsoleBrowserTest {

    @Test
    void aStoreKeyCreatesALevelItsMembersShowAndItIsEditedAndDeactivated() {
        var shop = stack.shop("levels");
        browser.signIn(shop.key());
        browser.open("#/store/" + shop.code() + "/levels");
        browser.waitForText("No level yet");

        WebElement create = browser.find("[data-test=level-create]");
        browser.fill(create, "Level name", "Silver").fill(create, "Reached at", "50")
                .fill(create, "Reward name", "Silver discount").fill(create, "Reward code", "SILVER15")
                .fill(create, "Reward percent", "15").click(create, "Create level");
        browser.find("[data-test=level-created]");
        assertThat(browser.find("[data-test=levels-table]").getText()).contains("Silver", "15 %", "SILVER15");

        JsonNode level = onlyLevel(shop);
        assertThat(level.get("name").asText()).isEqualTo("Silver");
        assertThat(level.get("conditionValue").asInt()).isEqualTo(50);
        assertThat(level.get("reward").get("value").asDouble()).isEqualTo(0.15);
        assertThat(level.get("active").asBoolean()).isTrue();

        // A member with 60 points reaches it (the API places her on her points change)
        String customerId = stack.expect(200, "POST", "/api/" + shop.code() + "/admin/customer/register", shop.key(),
                Map.of("customer", Map.of("firstName", "Lea", "lastName", "Lee", "email", "lea@example.com")))
                .get("customerId").asText();
        stack.expect(200, "POST", "/api/" + shop.code() + "/points/transfer/add", shop.key(),
                Map.of("transfer", Map.of("customer", customerId, "points", 60)));
        browser.find("[data-test=level-created] a").click();
        browser.waitForText("Members at this level");
        assertThat(browser.find("[data-test=level-members]").getText()).contains("Lea Lee", "lea@example.com");

        WebElement edit = browser.find("[data-test=level-edit]");
        assertThat(browser.field(edit, "Reward percent").getAttribute("value")).isEqualTo("15");
        browser.fill(edit, "Reached at", "70").click(edit, "Save level");
        browser.find("[data-test=level-edit] .notice-ok");
        assertThat(onlyLevel(shop).get("conditionValue").asInt()).isEqualTo(70);
        browser.screenshot("levels-level-page");

        browser.open("#/store/" + shop.code() + "/levels");
        browser.click(browser.find("[data-test=levels-table]"), "Deactivate");
        waitUntilTextIn("[data-test=levels-table]", "Activate", true);
        assertThat(onlyLevel(shop).get("active").asBoolean()).isFalse();
        browser.assertNoConsoleErrors();
    }

    @Test
    void aRewardAboveAHundredPercentIsRefusedNextToItAndNoLevelIsMade() {
        var shop = stack.shop("badlevel");
        browser.signIn(ConsoleStack.ADMIN_KEY);
        browser.open("#/store/" + shop.code() + "/levels");
        WebElement create = browser.find("[data-test=level-create]");
        browser.fill(create, "Level name", "Gold").fill(create, "Reached at", "100")
                .fill(create, "Reward name", "Gold").fill(create, "Reward code", "GOLD")
                .fill(create, "Reward percent", "150").click(create, "Create level");

        assertThat(browser.waitForErrorNextTo("Reward percent")).contains("at most 100");
        assertThat(stack.expect(200, "GET", "/api/" + shop.code() + "/level", ConsoleStack.ADMIN_KEY, null)
                .get("total").asInt()).isZero();
        browser.assertNoConsoleErrors();
    }

    private JsonNode onlyLevel(ConsoleStack.Shop shop) {
        JsonNode levels = stack.expect(200, "GET", "/api/" + shop.code() + "/level", shop.key(), null).get("levels");
        assertThat(levels).hasSize(1);
        return levels.get(0);
    }

    /** Waits until the element of {@code css} shows {@code text}, read in the page (it may be drawn again meanwhile). */
    private void waitUntilTextIn(String css, String text, boolean present) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> String.valueOf(browser.script(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : ''", css)).contains(text) == present);
    }
}
