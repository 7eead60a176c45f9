package org.serverlessloyalty.local.dynamodb.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReservedWordsTest {

    @Test
    void holdsDynamoDbsFullListCaseInsensitively() {
        assertThat(ReservedWords.count()).isEqualTo(573);
        assertThat(ReservedWords.isReserved("status")).isTrue();
        assertThat(ReservedWords.isReserved("Name")).isTrue();
        assertThat(ReservedWords.isReserved("TTL")).isTrue();
        assertThat(ReservedWords.isReserved("uses")).isFalse();
        assertThat(ReservedWords.isReserved("pk")).isFalse();
    }
}
