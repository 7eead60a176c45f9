package org.serverlessloyalty.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.serverlessloyalty.local.dynamodb.error.ApiException;
import org.serverlessloyalty.local.dynamodb.model.AttrValue;
import org.serverlessloyalty.local.dynamodb.model.Numbers;

/**
 * Applies the actions of an UpdateExpression. Every operand is evaluated against the item as it was before
 * the update (so {@code SET a = b, b = a} swaps), then SET/ADD/DELETE are applied, then REMOVE, with list
 * element removals applied from the highest index down so each index refers to the original list.
 */
public final class Updater {

    private static final Comparator<Path> DESCENDING = (a, b) -> {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            Object x = a.elements().get(i);
            Object y = b.elements().get(i);
            int c;
            if (x instanceof Integer xi && y instanceof Integer yi) {
                c = Integer.compare(xi, yi);
            } else {
                c = String.valueOf(x).compareTo(String.valueOf(y));
            }
            if (c != 0) {
                return -c;
            }
        }
        return Integer.compare(b.length(), a.length());
    };

    private Updater() {
    }

    /** Returns the updated attributes; {@code old} is the current item's attributes (empty when there is none). */
    public static Map<String, AttrValue> apply(Map<String, AttrValue> old, List<UpdateAction> actions) {
        List<Path> targets = new ArrayList<>(actions.size());
        List<AttrValue> values = new ArrayList<>(actions.size());
        List<Path> removals = new ArrayList<>();
        for (UpdateAction action : actions) {
            if (action instanceof UpdateAction.Set set) {
                targets.add(set.path());
                values.add(Operand.UpdateOperands.required(set.value(), old));
            } else if (action instanceof UpdateAction.Add add) {
                targets.add(add.path());
                values.add(add(add.path().get(old), add.value().value()));
            } else if (action instanceof UpdateAction.Delete del) {
                targets.add(del.path());
                values.add(delete(del.path().get(old), del.value().value()));
            } else {
                removals.add(action.path());
            }
        }
        Map<String, AttrValue> result = new LinkedHashMap<>(old);
        for (int i = 0; i < targets.size(); i++) {
            AttrValue v = values.get(i);
            if (v == null) {
                Documents.remove(result, targets.get(i));
            } else {
                Documents.set(result, targets.get(i), v);
            }
        }
        removals.sort(DESCENDING);
        for (Path p : removals) {
            Documents.remove(result, p);
        }
        return result;
    }

    private static AttrValue add(AttrValue existing, AttrValue value) {
        if (value.type() == AttrValue.Type.N) {
            if (existing == null) {
                return value;
            }
            if (existing.type() != AttrValue.Type.N) {
                throw incorrectType();
            }
            return AttrValue.n(Numbers.check(existing.n().add(value.n())));
        }
        if (existing == null) {
            return value;
        }
        if (existing.type() != value.type()) {
            throw incorrectType();
        }
        Set<AttrValue> union = new LinkedHashSet<>(existing.members());
        union.addAll(value.members());
        return AttrValue.set(value.type(), union);
    }

    /** The set without the given members; null when the result is empty (the attribute is removed). */
    private static AttrValue delete(AttrValue existing, AttrValue value) {
        if (existing == null) {
            return null;
        }
        if (existing.type() != value.type()) {
            throw incorrectType();
        }
        Set<AttrValue> rest = new LinkedHashSet<>(existing.members());
        rest.removeAll(value.members());
        return rest.isEmpty() ? null : AttrValue.set(value.type(), rest);
    }

    private static ApiException incorrectType() {
        return ApiException.validation("An operand in the update expression has an incorrect data type");
    }
}
