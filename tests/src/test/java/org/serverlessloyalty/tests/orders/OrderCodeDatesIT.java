package org.serverlessloyalty.tests.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.tests.orders.OrderStack.ciblerBody;
import static org.serverlessloyalty.tests.orders.OrderStack.citrusAdOrder;
import static org.serverlessloyalty.tests.orders.OrderStack.redemptions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An order's codes are judged by the rules validate uses, at the order's date in the store's time zone
 * (Europe/Paris here): a code expired or not yet active then is recorded CONFLICT with that reason and takes
 * no use; the order is recorded all the same. Dates are relative to today, so the test never goes stale.
 */
class OrderCodeDatesIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final AtomicLong ORDER_IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 1000 + 700);

    private static OrderStack stack;

    @BeforeAll
    static void startStack() {
        stack = OrderStack.start(Map.of());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String newOrderId() {
        return Long.toString(ORDER_IDS.incrementAndGet());
    }

    private static OrderStack.StoreKeys newShop() {
        return stack.createStore("od-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void aCiblerOrderWithAnExpiredCodeIsRecordedWithConflictExpiredAndTakesNoUse() {
        var shop = newShop();
        LocalDate today = LocalDate.now(PARIS);
        stack.createDatedCode(shop.code(), "BYGONE", 10, null, today.minusDays(2).toString());
        stack.createDatedCode(shop.code(), "UPCOMING", 10, today.plusDays(2).toString(), null);
        stack.createCodes(shop.code(), 10, "CURRENT");
        String orderId = newOrderId();

        assertThat(stack.postCibler(shop.code(), ciblerBody(shop.apiKey(), orderId, "g-" + orderId,
                "BYGONE", "UPCOMING", "CURRENT")).status()).isEqualTo(202);

        JsonNode order = stack.awaitOrder(shop.code(), orderId);
        assertThat(order.get("status").asText()).isEqualTo("PAID");
        assertThat(redemptions(order)).containsOnly(Map.entry("BYGONE", "CONFLICT EXPIRED"),
                Map.entry("UPCOMING", "CONFLICT NOT_YET_ACTIVE"), Map.entry("CURRENT", "APPLIED"));
        assertThat(stack.usedCount(shop.code(), "BYGONE")).isZero();
        assertThat(stack.usedCount(shop.code(), "UPCOMING")).isZero();
        assertThat(stack.usedCount(shop.code(), "CURRENT")).isEqualTo(1);
    }

    @Test
    void aCitrusAdOrderIsJudgedAtItsOrderDateNotWhenItArrives() {
        var shop = newShop();
        LocalDate yesterday = LocalDate.now(PARIS).minusDays(1);
        // Valid through yesterday, Paris time: expired now.
        stack.createDatedCode(shop.code(), "UNTILYESTERDAY", 10, null, yesterday.toString());
        String placedYesterday = ISO.format(ZonedDateTime.of(yesterday.atTime(23, 30), PARIS));
        String placedToday = ISO.format(ZonedDateTime.of(yesterday.plusDays(1).atTime(0, 30), PARIS));
        String onTime = "ct-" + newOrderId();
        String late = "ct-" + newOrderId();

        assertThat(stack.postCitrusAd(shop.apiKey(), Map.of("orders", List.of(
                citrusAdOrder(onTime, "shopper-1", placedYesterday, "UNTILYESTERDAY"),
                citrusAdOrder(late, "shopper-2", placedToday, "UNTILYESTERDAY")))).status()).isEqualTo(200);

        assertThat(redemptions(stack.awaitOrder(shop.code(), onTime)))
                .containsExactly(Map.entry("UNTILYESTERDAY", "APPLIED"));
        assertThat(redemptions(stack.awaitOrder(shop.code(), late)))
                .containsExactly(Map.entry("UNTILYESTERDAY", "CONFLICT EXPIRED"));
        assertThat(stack.usedCount(shop.code(), "UNTILYESTERDAY")).isEqualTo(1);
        assertThat(stack.validate(shop.code(), shop.apiKey(), "UNTILYESTERDAY").json().get("reason").asText())
                .isEqualTo("EXPIRED");
    }

    @Test
    void aCancellationGivesBackOnlyTheUseTheOrderTook() {
        var shop = newShop();
        LocalDate today = LocalDate.now(PARIS);
        stack.createDatedCode(shop.code(), "BYGONE", 10, null, today.minusDays(2).toString());
        stack.createCodes(shop.code(), 10, "CURRENT");
        String orderId = newOrderId();
        var body = ciblerBody(shop.apiKey(), orderId, "g-" + orderId, "BYGONE", "CURRENT");
        assertThat(stack.postCibler(shop.code(), body).status()).isEqualTo(202);
        stack.awaitOrder(shop.code(), orderId);

        ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("orderInformation")).put("status", "REFUNDED");
        assertThat(stack.postCibler(shop.code(), body).status()).isEqualTo(202);

        JsonNode refunded = stack.awaitOrderStatus(shop.code(), orderId, "REFUNDED");
        assertThat(redemptions(refunded)).containsOnly(Map.entry("BYGONE", "CONFLICT EXPIRED"),
                Map.entry("CURRENT", "RELEASED"));
        assertThat(stack.usedCount(shop.code(), "BYGONE")).isZero();
        assertThat(stack.usedCount(shop.code(), "CURRENT")).isZero();
    }
}
