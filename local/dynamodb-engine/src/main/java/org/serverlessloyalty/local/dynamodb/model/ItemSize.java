package org.serverlessloyalty.local.dynamodb.model;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Item size as DynamoDB computes it for the 400 KB limit and for capacity units: UTF-8 bytes of every
 * attribute name plus the size of its value (S: UTF-8 bytes, N: see {@link Numbers#storageSize}, B: raw bytes,
 * BOOL/NULL: 1, sets: sum of members, M/L: 3 bytes + per element 1 byte + (map key bytes) + element size).
 */
public final class ItemSize {

    public static final int MAX_ITEM_SIZE = 400 * 1024;

    private ItemSize() {
    }

    public static int of(Map<String, AttrValue> attrs) {
        int size = 0;
        for (Map.Entry<String, AttrValue> e : attrs.entrySet()) {
            size += utf8Length(e.getKey()) + valueSize(e.getValue());
        }
        return size;
    }

    public static int valueSize(AttrValue v) {
        switch (v.type()) {
            case S: return utf8Length(v.s());
            case N: return Numbers.storageSize(v.n());
            case B: return v.b().length;
            case BOOL:
            case NULL:
                return 1;
            case M: {
                int size = 3;
                for (Map.Entry<String, AttrValue> e : v.m().entrySet()) {
                    size += 1 + utf8Length(e.getKey()) + valueSize(e.getValue());
                }
                return size;
            }
            case L: {
                int size = 3;
                for (AttrValue e : v.l()) {
                    size += 1 + valueSize(e);
                }
                return size;
            }
            default: {
                int size = 0;
                for (AttrValue m : v.members()) {
                    size += valueSize(m);
                }
                return size;
            }
        }
    }

    public static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // 4 bytes for the pair, 2 chars already counted
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    static int utf8LengthSlow(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
