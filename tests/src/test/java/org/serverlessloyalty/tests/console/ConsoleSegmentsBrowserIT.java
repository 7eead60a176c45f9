package org.serverlessloyalty.tests.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The segments section: create one, add members by id and by e-mail, remove one; checked against the API. */
class ConsoleSegmentsBrowserIT extends ConsoleBrowserTest {

    @Test
    void aStoreKeyCreatesASegmentAddsMembersByIdAndEmailAndRemovesOne() {
        var shop = stack.shop("segments");
        String lea = register(shop, "Lea", "lea@example.com");
        register(shop, "Tom", "tom@example.com");
        browser.signIn(shop.key());
        browser.open("#/store/" + shop.code() + "/segments");
        browser.waitForText("No segment yet.");

        WebElement create = browser.find("[data-test=segment-create]");
        browser.fill(create, "Segment name", "VIP").fill(create, "Segment description", "Hand-picked").click(create, "Create segment");
        browser.find("[data-test=segment-created] a").click();
        browser.waitForText("No member in this segment yet.");

        WebElement add = browser.find("[data-test=segment-add]");
        browser.fill(add, "Members to add", lea + "\nTOM@example.com").click(add, "Add members");
        browser.find("[data-test=segment-add] .notice-ok");
        assertThat(browser.find("[data-test=segment-members]").getText()).contains("lea@example.com", "tom@example.com");
        JsonNode segment = onlySegment(shop);
        assertThat(segment.get("name").asText()).isEqualTo("VIP");
        assertThat(segment.get("customersCount").asInt()).isEqualTo(2);
        browser.screenshot("segments-segment-page");

        browser.click(browser.find("[data-test=segment-members]"), "Remove Tom Doe");
        waitUntilTextIn("[data-test=segment-members]", "tom@example.com", false);
        JsonNode members = stack.expect(200, "GET", "/api/" + shop.code() + "/segment/" + segment.get("segmentId").asText()
                + "/customers", shop.key(), null);
        assertThat(members.get("total").asInt()).isEqualTo(1);
        assertThat(members.get("customers").get(0).get("customerId").asText()).isEqualTo(lea);
        browser.assertNoConsoleErrors();
    }

    @Test
    void anEmailOfNoMemberIsAnErrorNextToTheMembersAndNothingIsAdded() {
        var shop = stack.shop("segbad");
        String lea = register(shop, "Lea", "lea@example.com");
        String segmentId = stack.expect(200, "POST", "/api/" + shop.code() + "/segment", ConsoleStack.ADMIN_KEY,
                Map.of("segment", Map.of("name", "VIP"))).get("segmentId").asText();
        browser.signIn(ConsoleStack.ADMIN_KEY);
        browser.open("#/store/" + shop.code() + "/segments/" + segmentId);

        WebElement add = browser.find("[data-test=segment-add]");
        browser.fill(add, "Members to add", lea + "\nnobody@example.com").click(add, "Add members");

        assertThat(browser.waitForErrorNextTo("Members to add")).contains("nobody@example.com");
        assertThat(onlySegment(shop).get("customersCount").asInt()).isZero();
        browser.assertNoConsoleErrors();
    }

    private String register(ConsoleStack.Shop shop, String firstName, String email) {
        return stack.expect(200, "POST", "/api/" + shop.code() + "/admin/customer/register", shop.key(),
                Map.of("customer", Map.of("firstName", firstName, "lastName", "Doe", "email", email)))
                .get("customerId").asText();
    }

    private JsonNode onlySegment(ConsoleStack.Shop shop) {
        JsonNode segments = stack.expect(200, "GET", "/api/" + shop.code() + "/segment", shop.key(), null).get("segments");
        assertThat(segments).hasSize(1);
        return segments.get(0);
    }

    /** Waits until the element of {@code css} shows {@code text}, read in the page (it may be drawn again meanwhile). */
    private void waitUntilTextIn(String css, String text, boolean present) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> String.valueOf(browser.script(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : ''", css)).contains(text) == present);
    }
}
