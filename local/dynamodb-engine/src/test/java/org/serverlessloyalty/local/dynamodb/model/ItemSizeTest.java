package org.serverlessloyalty.local.dynamodb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ItemSizeTest {

    private static Map<String, AttrValue> item(Object... kv) {
        Map<String, AttrValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (AttrValue) kv[i + 1]);
        }
        return m;
    }

    @Test
    void scalarsCountNameAndValueBytes() {
        assertThat(ItemSize.of(item("pk", AttrValue.s("abc")))).isEqualTo(2 + 3);
        assertThat(ItemSize.of(item("é", AttrValue.s("€")))).isEqualTo(2 + 3);
        assertThat(ItemSize.of(item("e", AttrValue.s("\uD83D\uDE00")))).isEqualTo(1 + 4);
        assertThat(ItemSize.of(item("n", AttrValue.n(new BigDecimal("12345"))))).isEqualTo(1 + 4);
        assertThat(ItemSize.of(item("b", AttrValue.b(new byte[10])))).isEqualTo(1 + 10);
        assertThat(ItemSize.of(item("t", AttrValue.TRUE, "z", AttrValue.NULL))).isEqualTo(2 + 2);
    }

    @Test
    void setsSumTheirMembers() {
        AttrValue ss = AttrValue.set(AttrValue.Type.SS, List.of(AttrValue.s("ab"), AttrValue.s("cde")));
        assertThat(ItemSize.of(item("ss", ss))).isEqualTo(2 + 5);
    }

    @Test
    void listsAndMapsAddThreeBytesAndOnePerElement() {
        AttrValue emptyList = AttrValue.l(new java.util.ArrayList<>());
        assertThat(ItemSize.of(item("l", emptyList))).isEqualTo(1 + 3);
        AttrValue list = AttrValue.l(new java.util.ArrayList<>(List.of(AttrValue.s("ab"), AttrValue.TRUE)));
        assertThat(ItemSize.of(item("l", list))).isEqualTo(1 + 3 + (1 + 2) + (1 + 1));
        AttrValue map = AttrValue.m(item("key", AttrValue.s("v"), "inner", AttrValue.m(new LinkedHashMap<>())));
        assertThat(ItemSize.of(item("m", map))).isEqualTo(1 + 3 + (1 + 3 + 1) + (1 + 5 + 3));
    }

    @Test
    void utf8LengthMatchesTheEncoder() {
        for (String s : List.of("", "ascii", "é", "€", "\uD83D\uDE00x", "mixed ✓ text 日本")) {
            assertThat(ItemSize.utf8Length(s)).isEqualTo(ItemSize.utf8LengthSlow(s));
        }
    }
}
