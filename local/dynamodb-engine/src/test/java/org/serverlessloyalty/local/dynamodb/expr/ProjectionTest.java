package org.serverlessloyalty.local.dynamodb.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.l;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.m;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.map;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.n;
import static org.serverlessloyalty.local.dynamodb.expr.Exprs.s;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;

class ProjectionTest {

    private static Map<String, AttrValue> project(String expression, Map<String, AttrValue> item) {
        return Projection.of(Parser.parseProjection(expression, new ExpressionContext(null, null))).apply(item);
    }

    @Test
    void keepsOnlyTheNamedPaths() {
        Map<String, AttrValue> item = map("a", n(1), "b", n(2), "doc", m("x", n(1), "y", m("z", n(2), "w", n(3))),
                "l", l(s("l0"), m("k", s("v"), "o", s("other")), s("l2")));
        assertThat(project("a, doc.y.z, l[1].k, l[2], absent, doc.nope", item)).isEqualTo(
                map("a", n(1), "doc", m("y", m("z", n(2))), "l", l(m("k", s("v")), s("l2"))));
    }

    @Test
    void pathsThroughTheWrongTypeSelectNothing() {
        Map<String, AttrValue> item = map("a", s("text"), "l", l(n(1)));
        assertThat(project("a.b, l.x", item)).isEmpty();
    }
}
