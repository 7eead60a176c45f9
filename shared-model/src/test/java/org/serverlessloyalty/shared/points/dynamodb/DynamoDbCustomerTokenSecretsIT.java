package org.serverlessloyalty.shared.points.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.points.model.CustomerTokenSecret;
import org.serverlessloyalty.shared.points.service.CustomerTokenKeys;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;

class DynamoDbCustomerTokenSecretsIT {

    private final LocalTable table = LocalTable.create();
    private final DynamoDbCustomerTokenSecrets secrets = new DynamoDbCustomerTokenSecrets(table.client(), table.name());
    private final CustomerTokenKeys keys = new CustomerTokenKeys(secrets, new MutableClock(Instant.parse("2026-11-25T10:00:00Z")));

    @Test
    void theFirstTokenMakesTheStoresKeyAndLaterOnesReuseIt() {
        StoreCode store = new StoreCode("t1");
        assertThat(keys.current(store)).isEmpty();
        CustomerTokenSecret first = keys.forSigning(store);
        assertThat(first.version()).isEqualTo(1);
        assertThat(keys.forSigning(store).key()).isEqualTo(first.key());
        assertThat(keys.current(store).orElseThrow().key()).isEqualTo(first.key());
        assertThat(keys.current(new StoreCode("t2"))).isEmpty();
    }

    @Test
    void twoFirstTokensRacingEndWithTheKeyTheStoreKept() {
        StoreCode store = new StoreCode("t3");
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        Arrays.fill(a, (byte) 1);
        Arrays.fill(b, (byte) 2);
        CustomerTokenSecret kept = secrets.createIfAbsent(store, new CustomerTokenSecret(1, a, Instant.EPOCH));
        CustomerTokenSecret second = secrets.createIfAbsent(store, new CustomerTokenSecret(1, b, Instant.EPOCH));
        assertThat(second.key()).isEqualTo(kept.key()).isEqualTo(a);
    }

    @Test
    void aRotationReplacesTheKeyWithTheNextVersion() {
        StoreCode store = new StoreCode("t4");
        CustomerTokenSecret first = keys.forSigning(store);
        CustomerTokenSecret rotated = keys.rotate(store);
        assertThat(rotated.version()).isEqualTo(2);
        assertThat(rotated.key()).isNotEqualTo(first.key());
        assertThat(keys.current(store).orElseThrow().key()).isEqualTo(rotated.key());
        assertThat(keys.rotate(new StoreCode("t5")).version()).as("a store without a key yet").isEqualTo(1);
    }
}
