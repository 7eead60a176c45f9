package org.serverlessloyalty.local.dynamodb.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.serverlessloyalty.local.dynamodb.model.AttrValue;

/**
 * A compiled ProjectionExpression (or the list of paths touched by an update, for UPDATED_OLD/UPDATED_NEW):
 * keeps only the named paths; nested map keys stay nested, selected list elements keep their relative order.
 */
public final class Projection {

    private final Node root;

    private Projection(Node root) {
        this.root = root;
    }

    public static Projection of(List<Path> paths) {
        Node root = new Node();
        for (Path p : paths) {
            Node n = root;
            for (Object el : p.elements()) {
                n = n.children.computeIfAbsent(el, k -> new Node());
            }
            n.leaf = true;
        }
        return new Projection(root);
    }

    /** The top-level attribute names this projection reads. */
    public Iterable<Object> topLevelNames() {
        return root.children.keySet();
    }

    public Map<String, AttrValue> apply(Map<String, AttrValue> item) {
        Map<String, AttrValue> out = new LinkedHashMap<>();
        for (Map.Entry<Object, Node> e : root.children.entrySet()) {
            String name = (String) e.getKey();
            AttrValue v = item.get(name);
            if (v != null) {
                AttrValue p = project(v, e.getValue());
                if (p != null) {
                    out.put(name, p);
                }
            }
        }
        return out;
    }

    private static AttrValue project(AttrValue v, Node node) {
        if (node.leaf) {
            return v;
        }
        Object firstKey = node.children.keySet().iterator().next();
        if (firstKey instanceof String) {
            if (v.type() != AttrValue.Type.M) {
                return null;
            }
            Map<String, AttrValue> out = new LinkedHashMap<>();
            for (Map.Entry<Object, Node> e : node.children.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    continue;
                }
                AttrValue child = v.m().get(key);
                if (child != null) {
                    AttrValue p = project(child, e.getValue());
                    if (p != null) {
                        out.put(key, p);
                    }
                }
            }
            return out.isEmpty() ? null : AttrValue.m(out);
        }
        if (v.type() != AttrValue.Type.L) {
            return null;
        }
        TreeMap<Integer, Node> byIndex = new TreeMap<>();
        for (Map.Entry<Object, Node> e : node.children.entrySet()) {
            if (e.getKey() instanceof Integer i) {
                byIndex.put(i, e.getValue());
            }
        }
        List<AttrValue> out = new ArrayList<>();
        for (Map.Entry<Integer, Node> e : byIndex.entrySet()) {
            if (e.getKey() < v.l().size()) {
                AttrValue p = project(v.l().get(e.getKey()), e.getValue());
                if (p != null) {
                    out.add(p);
                }
            }
        }
        return out.isEmpty() ? null : AttrValue.l(out);
    }

    private static final class Node {
        final Map<Object, Node> children = new LinkedHashMap<>();
        boolean leaf;
    }
}
