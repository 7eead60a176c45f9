package org.serverlessloyalty.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.List;

/** Collects the document paths a condition reads (e.g. to reject key attributes in a Query filter). */
public final class ConditionPaths {

    private ConditionPaths() {
    }

    public static List<Path> of(Condition c) {
        List<Path> out = new ArrayList<>();
        collect(c, out);
        return out;
    }

    private static void collect(Condition c, List<Path> out) {
        if (c instanceof Condition.Compare x) {
            operand(x.left(), out);
            operand(x.right(), out);
        } else if (c instanceof Condition.Between x) {
            operand(x.value(), out);
            operand(x.low(), out);
            operand(x.high(), out);
        } else if (c instanceof Condition.In x) {
            operand(x.value(), out);
            x.candidates().forEach(o -> operand(o, out));
        } else if (c instanceof Condition.And x) {
            collect(x.left(), out);
            collect(x.right(), out);
        } else if (c instanceof Condition.Or x) {
            collect(x.left(), out);
            collect(x.right(), out);
        } else if (c instanceof Condition.Not x) {
            collect(x.inner(), out);
        } else if (c instanceof Condition.Group x) {
            collect(x.inner(), out);
        } else if (c instanceof Condition.AttributeExists x) {
            out.add(x.path());
        } else if (c instanceof Condition.AttributeNotExists x) {
            out.add(x.path());
        } else if (c instanceof Condition.AttributeType x) {
            out.add(x.path());
        } else if (c instanceof Condition.BeginsWith x) {
            operand(x.value(), out);
            operand(x.prefix(), out);
        } else if (c instanceof Condition.Contains x) {
            operand(x.container(), out);
            operand(x.element(), out);
        }
    }

    private static void operand(Operand o, List<Path> out) {
        if (o instanceof Operand.PathRef p) {
            out.add(p.path());
        } else if (o instanceof Operand.Size s) {
            out.add(s.path());
        }
    }
}
