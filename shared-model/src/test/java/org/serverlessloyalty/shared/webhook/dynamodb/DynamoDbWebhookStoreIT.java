package org.serverlessloyalty.shared.webhook.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.webhook.model.Delivery;
import org.serverlessloyalty.shared.webhook.model.DeliveryStatus;
import org.serverlessloyalty.shared.webhook.port.WebhookStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Listing delivery records on the in-process DynamoDB: by status and across every status, newest first, paged. */
class DynamoDbWebhookStoreIT {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00.100Z");
    private static LocalTable table;
    private static DynamoDbWebhookStore webhooks;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        webhooks = new DynamoDbWebhookStore(table.client(), table.name());
    }

    /** Five deliveries a second apart (oldest first), left PENDING, DELIVERED, FAILED, PENDING and DELIVERED. */
    private static List<Delivery> fiveMixed(StoreCode store) {
        List<Delivery> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Delivery.pending(store, "CODE" + i, "{\"code\":\"CODE" + i + "\"}", T0.plusSeconds(i)));
        }
        webhooks.createDeliveries(created);
        Instant now = T0.plusSeconds(60);
        webhooks.markDelivered(created.get(1), 1, 200, now, now);
        webhooks.markFailed(created.get(2), 3, "HTTP 500", 500, now, now);
        webhooks.markDelivered(created.get(4), 1, 204, now, now);
        return created;
    }

    private static List<String> codes(WebhookStore.Page page) {
        return page.items().stream().map(Delivery::code).toList();
    }

    @Test
    void withoutAStatusEveryDeliveryIsListedNewestFirstAcrossPages() {
        StoreCode store = new StoreCode("all-statuses");
        fiveMixed(store);

        var first = webhooks.listAll(store, 2, null);
        assertThat(codes(first)).containsExactly("CODE4", "CODE3");
        assertThat(first.items()).extracting(Delivery::status)
                .containsExactly(DeliveryStatus.DELIVERED, DeliveryStatus.PENDING);
        assertThat(first.next()).isNotNull();

        var second = webhooks.listAll(store, 2, first.next());
        assertThat(codes(second)).containsExactly("CODE2", "CODE1");
        assertThat(second.items()).extracting(Delivery::status)
                .containsExactly(DeliveryStatus.FAILED, DeliveryStatus.DELIVERED);

        var third = webhooks.listAll(store, 2, second.next());
        assertThat(codes(third)).containsExactly("CODE0");
        assertThat(third.next()).isNull();

        assertThat(codes(webhooks.listAll(store, 50, null)))
                .containsExactly("CODE4", "CODE3", "CODE2", "CODE1", "CODE0");
    }

    @Test
    void aDeliveryChangingStatusBetweenPagesIsListedOnceInItsPlace() {
        StoreCode store = new StoreCode("moving");
        List<Delivery> created = fiveMixed(store);

        var first = webhooks.listAll(store, 2, null);
        assertThat(codes(first)).containsExactly("CODE4", "CODE3");
        Instant later = T0.plusSeconds(120);
        webhooks.markDelivered(created.get(3), 1, 200, later, later); // listed already: must not come back
        webhooks.markFailed(created.get(0), 1, "timeout", null, later, later); // not listed yet: still comes

        List<String> rest = new ArrayList<>();
        String next = first.next();
        while (next != null) {
            var page = webhooks.listAll(store, 2, next);
            rest.addAll(codes(page));
            next = page.next();
        }
        assertThat(rest).containsExactly("CODE2", "CODE1", "CODE0");
    }

    @Test
    void aPageByStatusAndAPageOfAllShareTheCursor() {
        StoreCode store = new StoreCode("shared-cursor");
        fiveMixed(store);

        var delivered = webhooks.list(store, DeliveryStatus.DELIVERED, 1, null);
        assertThat(codes(delivered)).containsExactly("CODE4");
        assertThat(codes(webhooks.list(store, DeliveryStatus.DELIVERED, 1, delivered.next()))).containsExactly("CODE1");
        assertThat(codes(webhooks.listAll(store, 10, delivered.next())))
                .containsExactly("CODE3", "CODE2", "CODE1", "CODE0");
    }

    @Test
    void aCursorOfAnotherStoreOrGarbageIsRefused() {
        StoreCode mine = new StoreCode("cursor-mine");
        StoreCode other = new StoreCode("cursor-other");
        fiveMixed(mine);
        fiveMixed(other);
        String theirs = webhooks.listAll(other, 1, null).next();

        assertThatThrownBy(() -> webhooks.listAll(mine, 1, theirs)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> webhooks.listAll(mine, 1, "%%%")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> webhooks.list(mine, DeliveryStatus.PENDING, 1, theirs))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
