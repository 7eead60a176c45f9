package org.serverlessloyalty.local.dynamodb.expr;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;

/** Test helpers to build attribute values and parse expressions. */
final class Exprs {

    private Exprs() {
    }

    static AttrValue s(String v) {
        return AttrValue.s(v);
    }

    static AttrValue n(String v) {
        return AttrValue.n(new BigDecimal(v));
    }

    static AttrValue n(long v) {
        return AttrValue.n(BigDecimal.valueOf(v));
    }

    static AttrValue l(AttrValue... v) {
        return AttrValue.l(new java.util.ArrayList<>(List.of(v)));
    }

    static AttrValue m(Object... kv) {
        return AttrValue.m(map(kv));
    }

    static AttrValue ss(String... v) {
        return AttrValue.set(AttrValue.Type.SS, java.util.Arrays.stream(v).map(AttrValue::s).toList());
    }

    static AttrValue ns(long... v) {
        return AttrValue.set(AttrValue.Type.NS, java.util.Arrays.stream(v).mapToObj(Exprs::n).toList());
    }

    static Map<String, AttrValue> map(Object... kv) {
        Map<String, AttrValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (AttrValue) kv[i + 1]);
        }
        return m;
    }

    static Map<String, String> names(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Parses a condition with the given values and checks that every placeholder was used. */
    static Condition condition(String text, Map<String, AttrValue> values) {
        ExpressionContext ctx = new ExpressionContext(null, values);
        Condition c = Parser.parseCondition(text, Parser.CONDITION, ctx);
        ctx.checkAllUsed();
        return c;
    }

    static Map<String, AttrValue> update(Map<String, AttrValue> item, String text, Map<String, AttrValue> values) {
        ExpressionContext ctx = new ExpressionContext(null, values);
        List<UpdateAction> actions = Parser.parseUpdate(text, ctx);
        ctx.checkAllUsed();
        return Updater.apply(item, actions);
    }
}
