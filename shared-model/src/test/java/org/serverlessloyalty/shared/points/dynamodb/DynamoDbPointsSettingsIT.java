package org.serverlessloyalty.shared.points.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;

class DynamoDbPointsSettingsIT {

    private final LocalTable table = LocalTable.create();
    private final DynamoDbPointsSettings settings = new DynamoDbPointsSettings(table.client(), table.name());

    @Test
    void aStoreWithoutSettingsHasNoneStored() {
        assertThat(settings.find(new StoreCode("none"))).isEmpty();
    }

    @Test
    void savedSettingsReadBackExactlyIncludingNoStatusAtAll() {
        StoreCode store = new StoreCode("s1");
        PointsSettings saved = new PointsSettings(ExpiryMode.END_OF_MONTH, 30, 7, Set.of("active", "inactive"),
                Set.of(), true);
        settings.save(store, saved, Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(settings.find(store)).contains(saved);
        settings.save(store, PointsSettings.DEFAULTS, Instant.parse("2026-11-25T11:00:00Z"));
        assertThat(settings.find(store)).contains(PointsSettings.DEFAULTS);
        assertThat(settings.find(new StoreCode("s2"))).isEmpty();
    }
}
