package org.serverlessloyalty.local.dynamodb.model;

import java.util.Comparator;

/**
 * DynamoDB's ordering of scalar values: S by UTF-8 bytes (i.e. code point order), N numerically,
 * B as unsigned bytes. Used for sort keys, key conditions and the comparison operators.
 */
public final class Keys {

    /** Orders values of the same scalar type; values of different types order by type (never mixed in a key). */
    public static final Comparator<AttrValue> ORDER = Keys::compare;

    private Keys() {
    }

    public static int compare(AttrValue a, AttrValue b) {
        if (a.type() != b.type()) {
            return a.type().compareTo(b.type());
        }
        switch (a.type()) {
            case S: return compareStrings(a.s(), b.s());
            case N: return a.n().compareTo(b.n());
            case B: return compareBytes(a.b(), b.b());
            default: throw new IllegalArgumentException("not an ordered type: " + a.type());
        }
    }

    /** Compares as UTF-8 byte sequences would compare (code point order), without encoding. */
    public static int compareStrings(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                if (Character.isSurrogate(ca) || Character.isSurrogate(cb)) {
                    // Surrogates encode code points >= U+10000, which sort after every other BMP char in UTF-8.
                    int fa = Character.isSurrogate(ca) ? ca + 0x10000 : ca;
                    int fb = Character.isSurrogate(cb) ? cb + 0x10000 : cb;
                    return Integer.compare(fa, fb);
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }

    public static int compareBytes(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int x = a[i] & 0xff;
            int y = b[i] & 0xff;
            if (x != y) {
                return x - y;
            }
        }
        return a.length - b.length;
    }

    /** True for the types that may be compared with {@code < <= > >=} and BETWEEN. */
    public static boolean isOrdered(AttrValue.Type t) {
        return t == AttrValue.Type.S || t == AttrValue.Type.N || t == AttrValue.Type.B;
    }
}
