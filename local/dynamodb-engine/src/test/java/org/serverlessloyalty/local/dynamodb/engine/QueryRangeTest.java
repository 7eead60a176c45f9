package org.serverlessloyalty.local.dynamodb.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Keys;

class QueryRangeTest {

    @Test
    void beginsWithUpperBoundIsTheNextPrefix() {
        assertThat(QueryScanOps.successor(AttrValue.s("item#")).s()).isEqualTo("item$");
        AttrValue max = AttrValue.s("a" + new String(Character.toChars(Character.MAX_CODE_POINT)));
        assertThat(QueryScanOps.successor(max).s()).isEqualTo("b");
        assertThat(QueryScanOps.successor(AttrValue.s("a\uD7FF")).s()).isEqualTo("a\uE000");
        AttrValue upper = QueryScanOps.successor(AttrValue.s("pre"));
        assertThat(Keys.compare(AttrValue.s("pre\uD83D\uDE00zzz"), upper)).isNegative();
        assertThat(Keys.compare(AttrValue.s("prf"), upper)).isZero();
        assertThat(QueryScanOps.successor(AttrValue.b(new byte[] {1, (byte) 0xff})).b()).containsExactly(2);
        assertThat(QueryScanOps.successor(AttrValue.b(new byte[] {(byte) 0xff}))).isNull();
    }
}
