package org.serverlessloyalty.local.dynamodb.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Numbers;

/**
 * Something that evaluates to an attribute value against an item: a document path, a {@code :value},
 * {@code size(path)}, or (update expressions only) {@code if_not_exists}, {@code list_append}, {@code +}, {@code -}.
 * {@link #eval} returns null when the operand refers to a missing attribute.
 */
public sealed interface Operand {

    AttrValue eval(Map<String, AttrValue> item);

    /** A document path. */
    record PathRef(Path path) implements Operand {
        @Override
        public AttrValue eval(Map<String, AttrValue> item) {
            return path.get(item);
        }
    }

    /** An {@code :placeholder} value. */
    record Value(String placeholder, AttrValue value) implements Operand {
        @Override
        public AttrValue eval(Map<String, AttrValue> item) {
            return value;
        }
    }

    /** {@code size(path)}: string length, binary length, element count of sets, lists and maps. */
    record Size(Path path) implements Operand {
        @Override
        public AttrValue eval(Map<String, AttrValue> item) {
            AttrValue v = path.get(item);
            if (v == null) {
                return null;
            }
            int size;
            switch (v.type()) {
                case S: size = v.s().length(); break;
                case B: size = v.b().length; break;
                case M: size = v.m().size(); break;
                case L: size = v.l().size(); break;
                case SS:
                case NS:
                case BS:
                    size = v.members().size();
                    break;
                default:
                    return null;
            }
            return AttrValue.n(BigDecimal.valueOf(size));
        }
    }

    /** {@code if_not_exists(path, operand)}. */
    record IfNotExists(Path path, Operand fallback) implements Operand {
        @Override
        public AttrValue eval(Map<String, AttrValue> item) {
            AttrValue v = path.get(item);
            return v != null ? v : UpdateOperands.required(fallback, item);
        }
    }

    /** {@code list_append(a, b)}. */
    record ListAppend(Operand first, Operand second) implements Operand {
        @Override
        public AttrValue eval(Map<String, AttrValue> item) {
            AttrValue a = UpdateOperands.required(first, item);
            AttrValue b = UpdateOperands.required(second, item);
            if (a.type() != AttrValue.Type.L || b.type() != AttrValue.Type.L) {
                throw ApiException.validation("An operand in the update expression has an incorrect data type");
            }
            List<AttrValue> out = new ArrayList<>(a.l().size() + b.l().size());
            out.addAll(a.l());
            out.addAll(b.l());
            return AttrValue.l(out);
        }
    }

    /** {@code a + b} or {@code a - b} on numbers. */
    record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {
        @Override
        public AttrValue eval(Map<String, AttrValue> item) {
            AttrValue a = UpdateOperands.required(left, item);
            AttrValue b = UpdateOperands.required(right, item);
            if (a.type() != AttrValue.Type.N || b.type() != AttrValue.Type.N) {
                throw ApiException.validation("An operand in the update expression has an incorrect data type");
            }
            BigDecimal r = plus ? a.n().add(b.n()) : a.n().subtract(b.n());
            return AttrValue.n(Numbers.check(r));
        }
    }

    /** Helpers for operands of update expressions, where a missing attribute is an error. */
    final class UpdateOperands {
        private UpdateOperands() {
        }

        static AttrValue required(Operand op, Map<String, AttrValue> item) {
            AttrValue v = op.eval(item);
            if (v == null) {
                throw ApiException.validation(
                        "The provided expression refers to an attribute that does not exist in the item");
            }
            return v;
        }
    }
}
