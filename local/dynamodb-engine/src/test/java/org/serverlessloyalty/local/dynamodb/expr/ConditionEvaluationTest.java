package org.serverlessloyalty.local.dynamodb.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.l;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.m;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.map;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.n;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.ns;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.s;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.ss;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;

class ConditionEvaluationTest {

    private static final Map<String, AttrValue> ITEM = map(
            "n", n(10), "s", s("hello"), "bin", AttrValue.b(new byte[] {1, 2, 3}), "t", AttrValue.TRUE, "nul", AttrValue.NULL,
            "tags", ss("red", "blue"), "nums", ns(1, 2, 3), "lst", l(s("a"), n(2), m("k", s("v"))),
            "doc", m("nest", m("deep", n(5)), "arr", l(n(7), n(8))), "emoji", s("\uD83D\uDE00"), "bmp", s("\uFFFF"));

    private static final Map<String, AttrValue> VALUES = new HashMap<>(map(
            ":ten", n(10), ":nine", n(9), ":tenPoint", n("10.000"), ":tenS", s("10"), ":hello", s("hello"),
            ":he", s("he"), ":ell", s("ell"), ":red", s("red"), ":green", s("green"), ":two", n(2), ":three", n(3),
            ":five", n(5), ":seven", n(7), ":a", s("a"), ":kv", m("k", s("v")), ":b12", AttrValue.b(new byte[] {1, 2}),
            ":b2", AttrValue.b(new byte[] {2}), ":typeSS", s("SS"), ":typeNULL", s("NULL"), ":typeM", s("M"),
            ":true", AttrValue.TRUE, ":emoji", s("\uD83D\uDE00"), ":bmp", s("\uFFFF")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "n = :ten | true",
            "n = :tenPoint | true",
            "n = :tenS | false",
            "n <> :tenS | true",
            "n > :nine | true",
            "s > :ten | false",
            "absent = :ten | false",
            "absent <> :ten | true",
            "absent < :ten | false",
            "NOT absent = :ten | true",
            "n BETWEEN :nine AND :ten | true",
            "s BETWEEN :nine AND :ten | false",
            "n IN (:nine, :tenPoint) | true",
            "absent IN (:ten) | false",
            "begins_with(s, :he) | true",
            "begins_with(bin, :b12) | true",
            "begins_with(bin, :b2) | false",
            "begins_with(n, :he) | false",
            "contains(s, :ell) | true",
            "contains(tags, :red) | true",
            "contains(tags, :green) | false",
            "contains(nums, :two) | true",
            "contains(nums, :tenS) | false",
            "contains(lst, :kv) | true",
            "contains(lst, :two) | true",
            "contains(n, :ten) | false",
            "size(s) = :five | true",
            "size(tags) = :two | true",
            "size(lst) = :three | true",
            "size(bin) = :three | true",
            "size(doc) = :two | true",
            "size(n) = :two | false",
            "size(absent) = :two | false",
            "attribute_type(tags, :typeSS) | true",
            "attribute_type(nul, :typeNULL) | true",
            "attribute_type(doc, :typeM) | true",
            "attribute_type(s, :typeM) | false",
            "attribute_exists(doc.nest.deep) | true",
            "attribute_exists(doc.nest.nope) | false",
            "attribute_not_exists(doc.arr[5]) | true",
            "doc.arr[1] = :seven | false",
            "doc.arr[0] = :seven | true",
            "lst[2].k = :a | false",
            "doc.nest.deep = :five | true",
            "t = :true | true",
            "emoji > bmp | true",
            "bmp < :emoji | true",
            "n = :ten OR n = :nine AND s = :a | true",
            "(n = :ten OR n = :nine) AND s = :a | false",
            "NOT n = :ten OR s = :hello | true",
            "NOT (n = :ten OR s = :hello) | false"})
    void evaluates(String expression, boolean expected) {
        Map<String, AttrValue> used = new HashMap<>();
        Matcher m = Pattern.compile(":[A-Za-z0-9]+").matcher(expression);
        while (m.find()) {
            used.put(m.group(), VALUES.get(m.group()));
        }
        assertThat(Exprs.condition(expression, used).test(ITEM)).isEqualTo(expected);
    }
}
