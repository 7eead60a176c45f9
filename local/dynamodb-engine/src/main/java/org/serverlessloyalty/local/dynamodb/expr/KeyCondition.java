package org.serverlessloyalty.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.List;

import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Keys;

/**
 * A validated KeyConditionExpression: {@code hash = :v} optionally AND one sort-key condition
 * ({@code = < <= > >=}, {@code BETWEEN}, {@code begins_with}).
 */
public final class KeyCondition {

    public enum RangeOp { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }

    private final AttrValue hashValue;
    private final RangeOp rangeOp;
    private final AttrValue rangeValue1;
    private final AttrValue rangeValue2;

    private KeyCondition(AttrValue hashValue, RangeOp rangeOp, AttrValue v1, AttrValue v2) {
        this.hashValue = hashValue;
        this.rangeOp = rangeOp;
        this.rangeValue1 = v1;
        this.rangeValue2 = v2;
    }

    public AttrValue hashValue() {
        return hashValue;
    }

    /** The sort key operator, or null when the condition is on the partition key only. */
    public RangeOp rangeOp() {
        return rangeOp;
    }

    public AttrValue rangeValue1() {
        return rangeValue1;
    }

    public AttrValue rangeValue2() {
        return rangeValue2;
    }

    /** Parses and validates against the key schema of the table or index being queried. */
    public static KeyCondition parse(String text, ExpressionContext ctx, String hashName, AttrValue.Type hashType,
                                     String rangeName, AttrValue.Type rangeType) {
        Condition c = Parser.parseCondition(text, Parser.KEY_CONDITION, ctx);
        List<Condition> parts = new ArrayList<>();
        flatten(c, parts);
        if (parts.size() > 2) {
            throw ApiException.validation("Conditions can be of length 1 or 2 only");
        }
        AttrValue hash = null;
        RangeOp op = null;
        AttrValue v1 = null;
        AttrValue v2 = null;
        for (Condition part : parts) {
            Leaf leaf = leaf(part);
            if (leaf.name.equals(hashName)) {
                if (hash != null) {
                    throw error("KeyConditionExpressions must only contain one condition per key");
                }
                if (leaf.op != RangeOp.EQ) {
                    throw ApiException.validation("Query key condition not supported");
                }
                hash = leaf.v1;
                checkType(hash, hashType);
            } else if (leaf.name.equals(rangeName)) {
                if (op != null) {
                    throw error("KeyConditionExpressions must only contain one condition per key");
                }
                op = leaf.op;
                v1 = leaf.v1;
                v2 = leaf.v2;
                checkType(v1, rangeType);
                if (v2 != null) {
                    checkType(v2, rangeType);
                }
                if (op == RangeOp.BEGINS_WITH && rangeType == AttrValue.Type.N) {
                    throw error("Incorrect operand type for operator or function; operator or function: begins_with, operand type: NUMBER");
                }
            } else {
                boolean hashPresent = false;
                for (Condition other : parts) {
                    hashPresent |= leaf(other).name.equals(hashName);
                }
                if (!hashPresent) {
                    throw ApiException.validation("Query condition missed key schema element: " + hashName);
                }
                throw ApiException.validation("Query key condition not supported");
            }
        }
        if (hash == null) {
            throw ApiException.validation("Query condition missed key schema element: " + hashName);
        }
        return new KeyCondition(hash, op, v1, v2);
    }

    private static void checkType(AttrValue v, AttrValue.Type expected) {
        if (v.type() != expected) {
            throw ApiException.validation(
                    "One or more parameter values were invalid: Condition parameter type does not match schema type");
        }
    }

    private static void flatten(Condition c, List<Condition> out) {
        if (c instanceof Condition.Group g) {
            flatten(g.inner(), out);
        } else if (c instanceof Condition.And a) {
            flatten(a.left(), out);
            flatten(a.right(), out);
        } else if (c instanceof Condition.Or) {
            throw error("Invalid operator used in KeyConditionExpression: OR");
        } else if (c instanceof Condition.Not) {
            throw error("Invalid operator used in KeyConditionExpression: NOT");
        } else if (c instanceof Condition.In) {
            throw error("Invalid operator used in KeyConditionExpression: IN");
        } else {
            out.add(c);
        }
    }

    private record Leaf(String name, RangeOp op, AttrValue v1, AttrValue v2) {
    }

    private static Leaf leaf(Condition c) {
        if (c instanceof Condition.Compare cmp) {
            Operand left = cmp.left();
            Operand right = cmp.right();
            Condition.Comparator op = cmp.op();
            if (left instanceof Operand.Value && right instanceof Operand.PathRef) {
                Operand t = left;
                left = right;
                right = t;
                op = flip(op);
            }
            String name = keyName(left);
            AttrValue v = value(right);
            switch (op) {
                case EQ: return new Leaf(name, RangeOp.EQ, v, null);
                case LT: return new Leaf(name, RangeOp.LT, v, null);
                case LE: return new Leaf(name, RangeOp.LE, v, null);
                case GT: return new Leaf(name, RangeOp.GT, v, null);
                case GE: return new Leaf(name, RangeOp.GE, v, null);
                default: throw error("Invalid operator used in KeyConditionExpression: " + op.symbol());
            }
        }
        if (c instanceof Condition.Between b) {
            return new Leaf(keyName(b.value()), RangeOp.BETWEEN, value(b.low()), value(b.high()));
        }
        if (c instanceof Condition.BeginsWith bw) {
            return new Leaf(keyName(bw.value()), RangeOp.BEGINS_WITH, value(bw.prefix()), null);
        }
        String fn;
        if (c instanceof Condition.AttributeExists) {
            fn = "attribute_exists";
        } else if (c instanceof Condition.AttributeNotExists) {
            fn = "attribute_not_exists";
        } else if (c instanceof Condition.AttributeType) {
            fn = "attribute_type";
        } else {
            fn = "contains";
        }
        throw error("Invalid operator used in KeyConditionExpression: " + fn);
    }

    private static Condition.Comparator flip(Condition.Comparator op) {
        switch (op) {
            case LT: return Condition.Comparator.GT;
            case LE: return Condition.Comparator.GE;
            case GT: return Condition.Comparator.LT;
            case GE: return Condition.Comparator.LE;
            default: return op;
        }
    }

    private static String keyName(Operand o) {
        if (o instanceof Operand.PathRef p) {
            if (!p.path().isTopLevel()) {
                throw error("KeyConditionExpressions cannot contain nested attributes: " + p.path());
            }
            return p.path().head();
        }
        throw error("KeyConditionExpressions must only contain one condition per key and compare a key attribute to a value");
    }

    private static AttrValue value(Operand o) {
        if (o instanceof Operand.Value v) {
            return v.value();
        }
        throw error("KeyConditionExpressions must only contain one condition per key and compare a key attribute to a value");
    }

    /** Whether a sort key value satisfies the sort key condition (true when there is none). */
    public boolean matchesRange(AttrValue sk) {
        if (rangeOp == null) {
            return true;
        }
        if (sk == null || sk.type() != rangeValue1.type()) {
            return false;
        }
        int c = Keys.compare(sk, rangeValue1);
        switch (rangeOp) {
            case EQ: return c == 0;
            case LT: return c < 0;
            case LE: return c <= 0;
            case GT: return c > 0;
            case GE: return c >= 0;
            case BETWEEN: return c >= 0 && Keys.compare(sk, rangeValue2) <= 0;
            default:
                return new Condition.BeginsWith(new Operand.Value("", sk), new Operand.Value("", rangeValue1))
                        .test(java.util.Map.of());
        }
    }

    private static ApiException error(String message) {
        return ExpressionContext.error(Parser.KEY_CONDITION, message);
    }
}
