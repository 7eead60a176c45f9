package org.serverlessloyalty.local.dynamodb.expr;

import java.util.List;
import java.util.Map;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Keys;

/**
 * A parsed condition (ConditionExpression, FilterExpression, KeyConditionExpression) that tests an item.
 * Missing attributes make comparisons false, except {@code <>} which is then true, as in DynamoDB.
 */
public sealed interface Condition {

    boolean test(Map<String, AttrValue> item);

    enum Comparator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    record Compare(Operand left, Comparator op, Operand right) implements Condition {
        @Override
        public boolean test(Map<String, AttrValue> item) {
            AttrValue a = left.eval(item);
            AttrValue b = right.eval(item);
            if (a == null || b == null) {
                return op == Comparator.NE;
            }
            switch (op) {
                case EQ: return a.equals(b);
                case NE: return !a.equals(b);
                default:
                    if (a.type() != b.type() || !Keys.isOrdered(a.type())) {
                        return false;
                    }
                    int c = Keys.compare(a, b);
                    switch (op) {
                        case LT: return c < 0;
                        case LE: return c <= 0;
                        case GT: return c > 0;
                        default: return c >= 0;
                    }
            }
        }
    }

    record Between(Operand value, Operand low, Operand high) implements Condition {
        @Override
        public boolean test(Map<String, AttrValue> item) {
            AttrValue v = value.eval(item);
            AttrValue lo = low.eval(item);
            AttrValue hi = high.eval(item);
            if (v == null || lo == null || hi == null || !Keys.isOrdered(v.type())
                    || v.type() != lo.type() || v.type() != hi.type()) {
                return false;
            }
            return Keys.compare(lo, v) <= 0 && Keys.compare(v, hi) <= 0;
        }
    }

    record In(Operand value, List<Operand> candidates) implements Condition {
        @Override
        public boolean test(Map<String, AttrValue> item) {
            AttrValue v = value.eval(item);
            if (v == null) {
                return false;
            }
            for (Operand c : candidates) {
                if (v.equals(c.eval(item))) {
                    return true;
                }
            }
            return false;
        }
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Map<String, AttrValue> item) {
            return left.test(item) && right.test(item);
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean test(Map<String, AttrValue> item) {
            return left.test(item) || right.test(item);
        }
    }

    record Not(Condition inner) implements Condition {
        @Override
        public boolean test(Map<String, AttrValue> item) {
            return !inner.test(item);
        }
    }

    /** A parenthesised condition (kept so key conditions can be analysed; evaluates as its content). */
    record Group(Condition inner) implements Condition {
        @Override
        public boolean test(Map<String, AttrValue> item) {
            return inner.test(item);
        }
    }

    record AttributeExists(Path path) implements Condition {
        @Override
        public boolean test(Map<String, AttrValue> item) {
            return path.get(item) != null;
        }
    }

    record AttributeNotExists(Path path) implements Condition {
        @Override
        public boolean test(Map<String, AttrValue> item) {
            return path.get(item) == null;
        }
    }

    record AttributeType(Path path, AttrValue.Type type) implements Condition {
        @Override
        public boolean test(Map<String, AttrValue> item) {
            AttrValue v = path.get(item);
            return v != null && v.type() == type;
        }
    }

    record BeginsWith(Operand value, Operand prefix) implements Condition {
        @Override
        public boolean test(Map<String, AttrValue> item) {
            AttrValue v = value.eval(item);
            AttrValue p = prefix.eval(item);
            if (v == null || p == null || v.type() != p.type()) {
                return false;
            }
            if (v.type() == AttrValue.Type.S) {
                return v.s().startsWith(p.s());
            }
            if (v.type() == AttrValue.Type.B) {
                byte[] a = v.b();
                byte[] b = p.b();
                if (b.length > a.length) {
                    return false;
                }
                for (int i = 0; i < b.length; i++) {
                    if (a[i] != b[i]) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }
    }

    record Contains(Operand container, Operand element) implements Condition {
        @Override
        public boolean test(Map<String, AttrValue> item) {
            AttrValue c = container.eval(item);
            AttrValue e = element.eval(item);
            if (c == null || e == null) {
                return false;
            }
            switch (c.type()) {
                case S:
                    return e.type() == AttrValue.Type.S && c.s().contains(e.s());
                case SS:
                case NS:
                case BS:
                    return c.members().contains(e);
                case L:
                    return c.l().contains(e);
                default:
                    return false;
            }
        }
    }
}
