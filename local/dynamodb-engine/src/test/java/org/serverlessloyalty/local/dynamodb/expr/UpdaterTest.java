package org.serverlessloyalty.local.dynamodb.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.l;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.m;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.map;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.n;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.ns;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.s;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.ss;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.update;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;

class UpdaterTest {

    @Test
    void operandsAreEvaluatedAgainstTheOriginalItem() {
        Map<String, AttrValue> out = update(map("a", n(1), "b", n(2)), "SET a = b, b = a", Map.of());
        assertThat(out).isEqualTo(map("a", n(2), "b", n(1)));
    }

    @Test
    void arithmeticIsExactDecimal() {
        Map<String, AttrValue> out = update(map("x", n("0.1")), "SET x = x + :v, y = :big - :v",
                map(":v", n("0.2"), ":big", n("1234567890123456789012345678901234567")));
        assertThat(out.get("x")).isEqualTo(n("0.3"));
        assertThat(out.get("x").numberText()).isEqualTo("0.3");
        assertThat(out.get("y").numberText()).isEqualTo("1234567890123456789012345678901234566.8");
    }

    @Test
    void arithmeticBeyondThirtyEightDigitsIsRejected() {
        assertThatThrownBy(() -> update(map("x", n("99999999999999999999999999999999999999")), "SET x = x + :v",
                map(":v", n("0.1")))).hasMessageContaining("38 significant digits");
    }

    @Test
    void ifNotExistsAndListAppend() {
        Map<String, AttrValue> out = update(map("l", l(n(2))),
                "SET c = if_not_exists(c, :zero) + :one, l = list_append(:front, l), e = list_append(if_not_exists(e, :empty), :front)",
                map(":zero", n(0), ":one", n(1), ":front", l(n(1)), ":empty", l()));
        assertThat(out.get("c")).isEqualTo(n(1));
        assertThat(out.get("l")).isEqualTo(l(n(1), n(2)));
        assertThat(out.get("e")).isEqualTo(l(n(1)));
        Map<String, AttrValue> again = update(out, "SET c = if_not_exists(c, :zero) + :one",
                map(":zero", n(0), ":one", n(1)));
        assertThat(again.get("c")).isEqualTo(n(2));
    }

    @Test
    void operandErrors() {
        assertThatThrownBy(() -> update(map(), "SET a = b", Map.of()))
                .hasMessage("The provided expression refers to an attribute that does not exist in the item");
        assertThatThrownBy(() -> update(map("s", s("x")), "SET s = s + :one", map(":one", n(1))))
                .hasMessage("An operand in the update expression has an incorrect data type");
        assertThatThrownBy(() -> update(map("s", s("x")), "SET s = list_append(s, :l)", map(":l", l())))
                .hasMessage("An operand in the update expression has an incorrect data type");
    }

    @Test
    void nestedSetNeedsAnExistingParent() {
        Map<String, AttrValue> out = update(map("doc", m("a", m())), "SET doc.a.b = :v, doc.c = :v", map(":v", n(1)));
        assertThat(out.get("doc")).isEqualTo(m("a", m("b", n(1)), "c", n(1)));
        assertThatThrownBy(() -> update(map(), "SET doc.a = :v", map(":v", n(1))))
                .hasMessage("The document path provided in the update expression is invalid for update");
        assertThatThrownBy(() -> update(map("doc", s("text")), "SET doc.a = :v", map(":v", n(1))))
                .hasMessage("The document path provided in the update expression is invalid for update");
    }

    @Test
    void listIndexesSetReplaceOrAppendAndRemoveShifts() {
        Map<String, AttrValue> out = update(map("l", l(s("a"), s("b"), s("c"), s("d"))),
                "SET l[1] = :x, l[10] = :y", map(":x", s("B"), ":y", s("tail")));
        assertThat(out.get("l")).isEqualTo(l(s("a"), s("B"), s("c"), s("d"), s("tail")));
        Map<String, AttrValue> removed = update(map("l", l(s("a"), s("b"), s("c"), s("d"))), "REMOVE l[0], l[2], l[9]", Map.of());
        assertThat(removed.get("l")).isEqualTo(l(s("b"), s("d")));
    }

    @Test
    void removeOfMissingAttributesIsANoOp() {
        Map<String, AttrValue> item = map("a", n(1));
        assertThat(update(item, "REMOVE b, c.d", Map.of())).isEqualTo(item);
    }

    @Test
    void addToNumbersAndSets() {
        Map<String, AttrValue> out = update(map("n", n(5), "s", ss("a")), "ADD n :two, s :bc, fresh :two, nums :ns",
                map(":two", n(2), ":bc", ss("b", "c"), ":ns", ns(1, 2)));
        assertThat(out.get("n")).isEqualTo(n(7));
        assertThat(out.get("s")).isEqualTo(ss("c", "b", "a"));
        assertThat(out.get("fresh")).isEqualTo(n(2));
        assertThat(out.get("nums")).isEqualTo(ns(2, 1));
        assertThatThrownBy(() -> update(map("s", ss("a")), "ADD s :n", map(":n", n(1))))
                .hasMessage("An operand in the update expression has an incorrect data type");
        assertThatThrownBy(() -> update(map("s", ss("a")), "ADD s :ns", map(":ns", ns(1))))
                .hasMessage("An operand in the update expression has an incorrect data type");
    }

    @Test
    void deleteFromSets() {
        Map<String, AttrValue> out = update(map("s", ss("a", "b", "c")), "DELETE s :ab, absent :ab", map(":ab", ss("a", "b", "z")));
        assertThat(out).isEqualTo(map("s", ss("c")));
        Map<String, AttrValue> emptied = update(map("s", ss("a")), "DELETE s :a", map(":a", ss("a")));
        assertThat(emptied).doesNotContainKey("s");
        assertThatThrownBy(() -> update(map("s", s("a")), "DELETE s :a", map(":a", ss("a"))))
                .hasMessage("An operand in the update expression has an incorrect data type");
    }

    @Test
    void theOriginalItemIsNotModified() {
        Map<String, AttrValue> original = map("doc", m("a", n(1)), "l", l(n(1)));
        update(original, "SET doc.a = :v, l[0] = :v", map(":v", n(2)));
        assertThat(original).isEqualTo(map("doc", m("a", n(1)), "l", l(n(1))));
    }
}
