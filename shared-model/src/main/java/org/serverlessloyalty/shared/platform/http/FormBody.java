package org.serverlessloyalty.shared.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.platform.text.PlainText;

/**
 * An {@code application/x-www-form-urlencoded} body with PHP's bracket fields, as Open Loyalty's (Symfony) clients
 * send it, read into the JSON tree the same body sent as JSON gives: {@code transfer[points]=9} is
 * {@code {"transfer":{"points":"9"}}}, {@code campaign[levels][0]=a&campaign[levels][1]=b} and
 * {@code campaign[levels][]=a&campaign[levels][]=b} are {@code {"campaign":{"levels":["a","b"]}}},
 * {@code campaign[translations][en][name]=X} is {@code {"campaign":{"translations":{"en":{"name":"X"}}}}}.
 * Every leaf is a string; {@link JsonFields} reads numbers and booleans out of strings for these bodies.
 *
 * <p>The same hygiene as {@link Json#parseObject}, checked as the body is read, each a 400 naming the field as the
 * client wrote it: a field given twice (PHP would silently keep the last), a name part over
 * {@link Json#MAX_NAME_CHARS} characters or with control or format characters, more than {@link Json#MAX_DEPTH}
 * levels, malformed percent-encoding or UTF-8. A list's indexes run 0..n-1 (in any order) or are appended with
 * {@code []}: a gap is refused rather than renumbered, so every error keeps the index the client sent. Each byte
 * is looked at a bounded number of times, so no body costs more than the linear time of reading it.
 */
final class FormBody {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A list index as PHP reads one: no sign, no leading zero, small enough to be an int. */
    private static final int MAX_INDEX_DIGITS = 9;

    private FormBody() {
    }

    /** The body's fields as a tree; 400 naming every offending field (at most {@link Json#MAX_BODY_ERRORS}). */
    static ObjectNode parse(byte[] body) {
        Reader reader = new Reader();
        JsonNode tree = null;
        try {
            reader.read(body);
            tree = reader.tree();
        } catch (Reader.Stop stop) {
            // reader.errors says why
        }
        reader.errors.throwIfAny();
        return (ObjectNode) tree;
    }

    /** The fields of one object or list while the body is read: values are Strings or nested Containers. */
    private static final class Container {
        final Map<String, Object> entries = new LinkedHashMap<>();
        /** What {@code []} appends at: as in PHP, one past the largest index given so far. */
        long nextIndex;

        void put(String key, Object value) {
            entries.put(key, value);
            long index = index(key);
            if (index >= nextIndex) {
                nextIndex = index + 1;
            }
        }
    }

    /** {@code key} as a list index, or -1 when it is a name. */
    private static long index(String key) {
        int length = key.length();
        if (length == 0 || length > MAX_INDEX_DIGITS || (key.charAt(0) == '0' && length > 1)) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = key.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static final class Reader {

        /** Thrown when reading further makes no sense; {@link #errors} holds the reasons. */
        private static final class Stop extends RuntimeException {
            Stop() {
                super(null, null, false, false);
            }
        }

        final FieldErrors errors = FieldErrors.none();
        private final Container root = new Container();
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);

        private void problem(String path, String message) {
            errors.add(path.isEmpty() ? "body" : path, message);
            if (errors.size() >= Json.MAX_BODY_ERRORS) {
                throw new Stop();
            }
        }

        void read(byte[] body) {
            int start = 0;
            for (int i = 0; i <= body.length; i++) {
                if (i == body.length || body[i] == '&') {
                    if (i > start) {
                        pair(body, start, i);
                    }
                    start = i + 1;
                }
            }
        }

        private void pair(byte[] body, int from, int to) {
            int equals = from;
            while (equals < to && body[equals] != '=') {
                equals++;
            }
            String key = decode(body, from, equals);
            if (key == null) {
                problem("body", "has a field name that is not valid percent-encoded UTF-8");
                return;
            }
            // PHP ignores what surrounds a name; Open Loyalty's own examples send "store[name] = x".
            key = key.strip();
            if (key.isEmpty()) {
                if (equals + 1 < to) {
                    problem("body", "has a value without a field name");
                }
                return;
            }
            List<String> segments = segments(key);
            if (segments == null) {
                return;
            }
            String value = equals < to ? decode(body, equals + 1, to) : "";
            insert(segments, value);
        }

        /**
         * {@code a[b][0][]} as {@code [a, b, 0, ""]} ({@code ""}: append), or null when the name is not one a form
         * can send (the problem is recorded). Each character is looked at most twice; parts past the depth limit are
         * not looked at.
         */
        private List<String> segments(String key) {
            int open = key.indexOf('[');
            String base = open < 0 ? key : key.substring(0, open);
            List<String> segments = new ArrayList<>();
            if (base.isEmpty() || base.indexOf(']') >= 0) {
                problem("body", "has a field name that is not name, name[key], name[0] or name[] ("
                        + PlainText.excerpt(key) + ")");
                return null;
            }
            if (!checkName(base, base)) {
                return null;
            }
            segments.add(base);
            String path = PlainText.excerpt(base);
            for (int i = open; i >= 0 && i < key.length(); ) {
                int close = key.indexOf(']', i + 1);
                String segment = close < 0 ? null : key.substring(i + 1, close);
                if (key.charAt(i) != '[' || segment == null || segment.indexOf('[') >= 0) {
                    problem(path, "is followed by something that is not [key], [0] or [] ("
                            + PlainText.excerpt(key.substring(i)) + ")");
                    return null;
                }
                path = PathStyle.BRACKETS.field(path, PlainText.excerpt(segment));
                if (segments.size() >= Json.MAX_DEPTH) {
                    problem(path, "is nested more than " + Json.MAX_DEPTH + " levels deep");
                    return null;
                }
                if (!checkName(segment, path)) {
                    return null;
                }
                segments.add(segment);
                i = close + 1;
            }
            return segments;
        }

        private boolean checkName(String name, String path) {
            if (name.length() > Json.MAX_NAME_CHARS) {
                problem(path, "is a field name of more than " + Json.MAX_NAME_CHARS + " characters");
                return false;
            }
            if (!PlainText.isClean(name)) {
                problem(path, "is a field name with control or format characters");
                return false;
            }
            return true;
        }

        private void insert(List<String> segments, String value) {
            Container container = root;
            String path = "";
            for (int s = 0; s < segments.size(); s++) {
                String segment = segments.get(s);
                String key = segment.isEmpty() ? Long.toString(container.nextIndex) : segment;
                path = PathStyle.BRACKETS.field(path, PlainText.excerpt(key));
                Object existing = container.entries.get(key);
                if (s == segments.size() - 1) {
                    if (existing instanceof Container) {
                        problem(path, "is given both as a value and as a list or object");
                    } else if (existing != null) {
                        problem(path, "appears more than once; give each field once (a list is name[]=a&name[]=b)");
                    } else if (value == null) {
                        problem(path, "is not valid percent-encoded UTF-8");
                    } else {
                        container.put(key, value);
                    }
                    return;
                }
                if (existing == null) {
                    Container child = new Container();
                    container.put(key, child);
                    container = child;
                } else if (existing instanceof Container child) {
                    container = child;
                } else {
                    problem(path, "is given both as a value and as a list or object");
                    return;
                }
            }
        }

        /** The bytes from..to with {@code +} as a space and {@code %XX} decoded, as UTF-8; null when either is broken. */
        private String decode(byte[] body, int from, int to) {
            byte[] out = new byte[to - from];
            int length = 0;
            for (int i = from; i < to; i++) {
                byte b = body[i];
                if (b == '+') {
                    out[length++] = ' ';
                } else if (b == '%') {
                    int high = i + 2 < to ? Character.digit(body[i + 1], 16) : -1;
                    int low = i + 2 < to ? Character.digit(body[i + 2], 16) : -1;
                    if (high < 0 || low < 0) {
                        return null;
                    }
                    out[length++] = (byte) (high << 4 | low);
                    i += 2;
                } else {
                    out[length++] = b;
                }
            }
            try {
                return utf8.reset().decode(ByteBuffer.wrap(out, 0, length)).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
        }

        ObjectNode tree() {
            ObjectNode object = NODES.objectNode();
            root.entries.forEach((key, value) -> object.set(key, node(value, PlainText.excerpt(key))));
            return object;
        }

        /** A container whose keys are all list indexes becomes an array, when they run 0..n-1; else an object. */
        private JsonNode node(Object value, String path) {
            if (value instanceof String text) {
                return TextNode.valueOf(text);
            }
            Container container = (Container) value;
            int size = container.entries.size();
            boolean list = size > 0;
            boolean gapless = true;
            for (String key : container.entries.keySet()) {
                long index = index(key);
                list &= index >= 0;
                gapless &= index < size;
            }
            if (list && !gapless) {
                problem(path, "is a list: number its entries 0, 1, 2... without gaps, or send each as " + path + "[]");
                return NullNode.instance;
            }
            if (list) {
                JsonNode[] slots = new JsonNode[size];
                container.entries.forEach((key, entry) ->
                        slots[(int) index(key)] = node(entry, PathStyle.element(path, (int) index(key))));
                ArrayNode array = NODES.arrayNode(size);
                for (JsonNode slot : slots) {
                    array.add(slot);
                }
                return array;
            }
            ObjectNode object = NODES.objectNode();
            container.entries.forEach((key, entry) ->
                    object.set(key, node(entry, PathStyle.BRACKETS.field(path, PlainText.excerpt(key)))));
            return object;
        }
    }
}
