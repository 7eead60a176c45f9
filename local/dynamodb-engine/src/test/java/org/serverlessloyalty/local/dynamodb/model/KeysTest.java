package org.serverlessloyalty.local.dynamodb.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void stringsSortByUtf8Bytes() {
        List<String> values = new ArrayList<>(List.of("b", "a", "\uFFFF", "\uD83D\uDE00", "aa", "", "Z", "é"));
        List<AttrValue> attrs = new ArrayList<>(values.stream().map(AttrValue::s).toList());
        attrs.sort(Keys.ORDER);
        values.sort((x, y) -> Keys.compareBytes(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
        assertThat(attrs.stream().map(AttrValue::s).toList()).isEqualTo(values)
                .containsExactly("", "Z", "a", "aa", "b", "é", "\uFFFF", "\uD83D\uDE00");
    }

    @Test
    void numbersSortNumerically() {
        List<AttrValue> attrs = new ArrayList<>();
        for (String n : List.of("10", "9", "-1", "0.5", "-10.5", "100")) {
            attrs.add(AttrValue.n(new BigDecimal(n)));
        }
        attrs.sort(Keys.ORDER);
        assertThat(attrs.stream().map(AttrValue::numberText).toList()).containsExactly("-10.5", "-1", "0.5", "9", "10", "100");
    }

    @Test
    void binariesSortAsUnsignedBytes() {
        assertThat(Keys.compare(AttrValue.b(new byte[] {(byte) 0x80}), AttrValue.b(new byte[] {0x7f}))).isPositive();
        assertThat(Keys.compare(AttrValue.b(new byte[] {1}), AttrValue.b(new byte[] {1, 0}))).isNegative();
    }
}
