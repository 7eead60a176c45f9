package org.serverlessloyalty.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.model.AttrValue;

/** Copy-on-write edits of nested documents: set and remove the value at a {@link Path}. */
final class Documents {

    private Documents() {
    }

    static ApiException invalidPath() {
        return ApiException.validation("The document path provided in the update expression is invalid for update");
    }

    /** Sets {@code value} at {@code path} in the mutable top-level map {@code root}. Parents must exist. */
    static void set(Map<String, AttrValue> root, Path path, AttrValue value) {
        if (path.isTopLevel()) {
            root.put(path.head(), value);
            return;
        }
        AttrValue top = root.get(path.head());
        if (top == null) {
            throw invalidPath();
        }
        root.put(path.head(), setNested(top, path.elements(), 1, value));
    }

    private static AttrValue setNested(AttrValue cur, List<Object> path, int i, AttrValue value) {
        Object el = path.get(i);
        boolean last = i == path.size() - 1;
        if (el instanceof String key) {
            if (cur.type() != AttrValue.Type.M) {
                throw invalidPath();
            }
            Map<String, AttrValue> copy = new LinkedHashMap<>(cur.m());
            if (last) {
                copy.put(key, value);
            } else {
                AttrValue child = copy.get(key);
                if (child == null) {
                    throw invalidPath();
                }
                copy.put(key, setNested(child, path, i + 1, value));
            }
            return AttrValue.m(copy);
        }
        int index = (Integer) el;
        if (cur.type() != AttrValue.Type.L) {
            throw invalidPath();
        }
        List<AttrValue> copy = new ArrayList<>(cur.l());
        if (last) {
            if (index < copy.size()) {
                copy.set(index, value);
            } else {
                copy.add(value);
            }
        } else {
            if (index >= copy.size()) {
                throw invalidPath();
            }
            copy.set(index, setNested(copy.get(index), path, i + 1, value));
        }
        return AttrValue.l(copy);
    }

    /** Removes the value at {@code path} from the mutable top-level map; a missing value is a no-op. */
    static void remove(Map<String, AttrValue> root, Path path) {
        if (path.isTopLevel()) {
            root.remove(path.head());
            return;
        }
        AttrValue top = root.get(path.head());
        if (top == null) {
            return;
        }
        AttrValue updated = removeNested(top, path.elements(), 1);
        if (updated != top) {
            root.put(path.head(), updated);
        }
    }

    private static AttrValue removeNested(AttrValue cur, List<Object> path, int i) {
        Object el = path.get(i);
        boolean last = i == path.size() - 1;
        if (el instanceof String key) {
            if (cur.type() != AttrValue.Type.M) {
                throw invalidPath();
            }
            AttrValue child = cur.m().get(key);
            if (child == null) {
                return cur;
            }
            Map<String, AttrValue> copy = new LinkedHashMap<>(cur.m());
            if (last) {
                copy.remove(key);
            } else {
                AttrValue updated = removeNested(child, path, i + 1);
                if (updated == child) {
                    return cur;
                }
                copy.put(key, updated);
            }
            return AttrValue.m(copy);
        }
        int index = (Integer) el;
        if (cur.type() != AttrValue.Type.L) {
            throw invalidPath();
        }
        if (index >= cur.l().size()) {
            return cur;
        }
        List<AttrValue> copy = new ArrayList<>(cur.l());
        if (last) {
            copy.remove(index);
        } else {
            AttrValue child = copy.get(index);
            AttrValue updated = removeNested(child, path, i + 1);
            if (updated == child) {
                return cur;
            }
            copy.set(index, updated);
        }
        return AttrValue.l(copy);
    }
}
