package org.serverlessloyalty.local.dynamodb.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable DynamoDB attribute value: S, N, B, BOOL, NULL, M, L, SS, NS or BS.
 *
 * <p>Numbers are kept as {@link BigDecimal} with trailing zeros stripped, so numerically equal numbers are
 * {@code equals} and print in DynamoDB's canonical form ({@code "1.50"} comes back as {@code "1.5"}).
 * Set members are themselves scalar {@code AttrValue}s (S, N or B) in insertion order; set equality ignores order.
 */
public final class AttrValue {

    public enum Type {
        S, N, B, BOOL, NULL, M, L, SS, NS, BS;

        /** The scalar member type of a set type, or null. */
        public Type memberType() {
            switch (this) {
                case SS: return S;
                case NS: return N;
                case BS: return B;
                default: return null;
            }
        }

        /** The set type holding members of this scalar type, or null. */
        public Type setType() {
            switch (this) {
                case S: return SS;
                case N: return NS;
                case B: return BS;
                default: return null;
            }
        }

        public boolean isSet() {
            return this == SS || this == NS || this == BS;
        }
    }

    public static final AttrValue TRUE = new AttrValue(Type.BOOL, Boolean.TRUE);
    public static final AttrValue FALSE = new AttrValue(Type.BOOL, Boolean.FALSE);
    public static final AttrValue NULL = new AttrValue(Type.NULL, Boolean.TRUE);

    private final Type type;
    private final Object value;
    private int hash;

    private AttrValue(Type type, Object value) {
        this.type = type;
        this.value = value;
    }

    public static AttrValue s(String s) {
        return new AttrValue(Type.S, Objects.requireNonNull(s));
    }

    /** A number; {@code n} must already be validated (see {@link Numbers#parse}). */
    public static AttrValue n(BigDecimal n) {
        return new AttrValue(Type.N, Numbers.canonical(n));
    }

    public static AttrValue b(byte[] bytes) {
        return new AttrValue(Type.B, bytes.clone());
    }

    static AttrValue bNoCopy(byte[] bytes) {
        return new AttrValue(Type.B, bytes);
    }

    public static AttrValue bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    /** A map value; takes ownership of {@code m} (the caller must not modify it afterwards). */
    public static AttrValue m(Map<String, AttrValue> m) {
        return new AttrValue(Type.M, Collections.unmodifiableMap(m));
    }

    /** A list value; takes ownership of {@code l}. */
    public static AttrValue l(List<AttrValue> l) {
        return new AttrValue(Type.L, Collections.unmodifiableList(l));
    }

    /** A set of the given set type from scalar members (duplicates collapse; caller validates non-empty). */
    public static AttrValue set(Type setType, Collection<AttrValue> members) {
        if (!setType.isSet()) {
            throw new IllegalArgumentException("not a set type: " + setType);
        }
        return new AttrValue(setType, Collections.unmodifiableSet(new LinkedHashSet<>(members)));
    }

    public Type type() {
        return type;
    }

    public String s() {
        return (String) value;
    }

    public BigDecimal n() {
        return (BigDecimal) value;
    }

    /** The raw bytes of a B value; callers must not modify the array. */
    public byte[] b() {
        return (byte[]) value;
    }

    public boolean bool() {
        return (Boolean) value;
    }

    @SuppressWarnings("unchecked")
    public Map<String, AttrValue> m() {
        return (Map<String, AttrValue>) value;
    }

    @SuppressWarnings("unchecked")
    public List<AttrValue> l() {
        return (List<AttrValue>) value;
    }

    @SuppressWarnings("unchecked")
    public Set<AttrValue> members() {
        return (Set<AttrValue>) value;
    }

    public boolean isSet() {
        return type.isSet();
    }

    /** The canonical text of an N value, as DynamoDB returns it. */
    public String numberText() {
        return Numbers.format(n());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AttrValue)) {
            return false;
        }
        AttrValue other = (AttrValue) o;
        if (type != other.type) {
            return false;
        }
        if (type == Type.B) {
            return Arrays.equals(b(), other.b());
        }
        return value.equals(other.value);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = type.hashCode() * 31 + (type == Type.B ? Arrays.hashCode(b()) : value.hashCode());
            hash = h == 0 ? 1 : h;
        }
        return h;
    }

    /** A stable hash (same on every JVM) for scalar key values, used to assign Scan segments. */
    public int stableHash() {
        switch (type) {
            case S: return s().hashCode();
            case N: return numberText().hashCode();
            case B: return Arrays.hashCode(b());
            default: return hashCode();
        }
    }

    @Override
    public String toString() {
        switch (type) {
            case S: return "{S: " + s() + ",}";
            case N: return "{N: " + numberText() + ",}";
            case B: return "{B: " + Base64.getEncoder().encodeToString(b()) + ",}";
            case BOOL: return "{BOOL: " + bool() + ",}";
            case NULL: return "{NULL: true,}";
            case M: return "{M: " + m() + ",}";
            case L: return "{L: " + l() + ",}";
            default: {
                List<String> parts = new ArrayList<>();
                for (AttrValue v : members()) {
                    parts.add(v.type == Type.S ? v.s() : v.type == Type.N ? v.numberText()
                            : Base64.getEncoder().encodeToString(v.b()));
                }
                return "{" + type + ": " + parts + ",}";
            }
        }
    }

    /** Convenience for building maps in code. */
    public static Map<String, AttrValue> newMap() {
        return new LinkedHashMap<>();
    }
}
