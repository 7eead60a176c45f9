package org.serverlessloyalty.shared.points.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.store.model.StoreCode;

class MemberIdsTest {

    private static final StoreCode STORE = new StoreCode("13");

    @Test
    void aRegistrationsKeyAlwaysNamesTheSameMemberOfThatStore() {
        String id = MemberIds.forIdempotencyKey(STORE, new IdempotencyKey("reg-1"));
        assertThat(MemberIds.forIdempotencyKey(STORE, new IdempotencyKey("reg-1"))).isEqualTo(id);
        assertThat(MemberIds.forIdempotencyKey(STORE, new IdempotencyKey("reg-2"))).isNotEqualTo(id);
        assertThat(MemberIds.forIdempotencyKey(new StoreCode("14"), new IdempotencyKey("reg-1"))).isNotEqualTo(id);
    }

    @Test
    void derivedIdsAreNameBasedUuidsAndRandomOnesVersion4() {
        UUID derived = UUID.fromString(MemberIds.forIdempotencyKey(STORE, new IdempotencyKey("k")));
        assertThat(derived.version()).isEqualTo(5);
        assertThat(derived.variant()).isEqualTo(2);
        assertThat(UUID.fromString(MemberIds.random()).version()).isEqualTo(4);
    }

    @Test
    void onlyUuidsCanBeMemberIdsAndTheyAreReadLowerCased() {
        assertThat(MemberIds.parse("E0EB0355-8AAA-4FB1-8159-F58E81B7A25C")).contains("e0eb0355-8aaa-4fb1-8159-f58e81b7a25c");
        assertThat(MemberIds.parse("john@example.com")).isEmpty();
        assertThat(MemberIds.parse("e0eb0355-8aaa-4fb1-8159")).isEmpty();
        assertThat(MemberIds.parse(null)).isEmpty();
    }
}
