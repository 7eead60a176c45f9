package org.serverlessloyalty.local.dynamodb.expr;

import java.util.List;
import java.util.Map;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;

/**
 * A resolved document path: a top-level attribute name followed by map keys ({@link String}) and list
 * indexes ({@link Integer}), e.g. {@code a.b[2].c} = [a, b, 2, c]. Placeholders are already substituted.
 */
public record Path(List<Object> elements) {

    public Path {
        elements = List.copyOf(elements);
    }

    public String head() {
        return (String) elements.get(0);
    }

    public int length() {
        return elements.size();
    }

    public boolean isTopLevel() {
        return elements.size() == 1;
    }

    /** The value at this path in the item, or null when any step is missing or of the wrong type. */
    public AttrValue get(Map<String, AttrValue> item) {
        AttrValue cur = item.get(head());
        for (int i = 1; i < elements.size() && cur != null; i++) {
            cur = step(cur, elements.get(i));
        }
        return cur;
    }

    static AttrValue step(AttrValue cur, Object element) {
        if (element instanceof String) {
            return cur.type() == AttrValue.Type.M ? cur.m().get(element) : null;
        }
        int index = (Integer) element;
        if (cur.type() != AttrValue.Type.L || index >= cur.l().size()) {
            return null;
        }
        return cur.l().get(index);
    }

    /** True when one path is a prefix of the other (or they are equal). */
    public boolean overlaps(Path other) {
        int n = Math.min(elements.size(), other.elements.size());
        for (int i = 0; i < n; i++) {
            if (!elements.get(i).equals(other.elements.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** True when the paths agree up to some step where one uses a map key and the other a list index. */
    public boolean conflicts(Path other) {
        int n = Math.min(elements.size(), other.elements.size());
        for (int i = 0; i < n; i++) {
            Object a = elements.get(i);
            Object b = other.elements.get(i);
            if (a.equals(b)) {
                continue;
            }
            return a.getClass() != b.getClass();
        }
        return false;
    }

    /** DynamoDB's rendering in error messages, e.g. {@code [a, b, [2]]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object e = elements.get(i);
            sb.append(e instanceof Integer ? "[" + e + "]" : e);
        }
        return sb.append(']').toString();
    }
}
