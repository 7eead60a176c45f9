package org.serverlessloyalty.shared.platform.http;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.serverlessloyalty.shared.platform.text.PlainText;

/**
 * The one configured {@link ObjectMapper}, built once per JVM and shared by every function, and the
 * one way a request body becomes a tree ({@link #parseObject}).
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // A second "status" must not silently win over the first.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // 150 stays 150 on the wire, never 1.5E+2.
            .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    /** Objects and arrays nest at most this deep in a request body (ours nest 3 deep). */
    public static final int MAX_DEPTH = 32;
    /** A field name in a request body has at most this many characters. */
    public static final int MAX_NAME_CHARS = 128;
    /** A JSON number in a request body is written with at most this many characters... */
    public static final int MAX_NUMBER_CHARS = 64;
    /** ...and an exponent of at most three digits: {@code 1e999} is read, {@code 1e1000} is not. */
    public static final int MAX_EXPONENT = 999;
    /** Past this many problems the body is not read further: the answer already says enough. */
    static final int MAX_BODY_ERRORS = 100;

    /**
     * The parser of request bodies. Its own limits are only a backstop at the body size; the reader
     * below checks every number, name and depth first, so the 400 names the field and the rule.
     * Error messages quote at most a 20-character token and never the raw content.
     */
    private static final JsonFactory REQUEST_FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(ApiRequest.MAX_BODY_BYTES)
                    .maxNestingDepth(MAX_DEPTH + 1)
                    .maxNumberLength(ApiRequest.MAX_BODY_BYTES)
                    .maxNameLength(ApiRequest.MAX_BODY_BYTES)
                    .maxStringLength(ApiRequest.MAX_BODY_BYTES)
                    .build())
            .errorReportConfiguration(ErrorReportConfiguration.builder()
                    .maxErrorTokenLength(20)
                    .maxRawContentLength(0)
                    .build())
            .build();

    private Json() {
    }

    /**
     * Parses a request body into a tree: 400 naming {@code body} when it is empty, malformed or not an
     * object, and naming the field (e.g. {@code orderInformation.totalSpent}, {@code codes[3].value}) for
     * a number over {@link #MAX_NUMBER_CHARS} characters or with an exponent over {@link #MAX_EXPONENT},
     * a field given twice, a field name over {@link #MAX_NAME_CHARS} characters or with control or format
     * characters, or nesting deeper than {@link #MAX_DEPTH}. Every number is bounded before it is
     * converted, so no body costs more than the linear time of reading it.
     */
    public static JsonNode parseObject(byte[] body) {
        return parseObject(body, PathStyle.DOTTED);
    }

    /** {@link #parseObject(byte[])}, naming fields in {@code style} ({@code codes[3][value]} for Open Loyalty bodies). */
    static JsonNode parseObject(byte[] body, PathStyle style) {
        if (body.length == 0) {
            throw ApiException.badRequest(FieldErrors.single("body", "is required (a JSON object)"));
        }
        BodyReader reader = new BodyReader(style);
        JsonNode node = null;
        JsonParser parser = null;
        try {
            parser = REQUEST_FACTORY.createParser(body);
            node = reader.value(parser, parser.nextToken(), "", 0);
            if (parser.nextToken() != null) {
                reader.errors.add("body", "has content after the JSON object");
            }
        } catch (BodyReader.Stop stop) {
            // reader.errors says why
        } catch (JsonProcessingException e) {
            reader.errors.add("body", "is not valid JSON" + where(parser, e.getLocation(), style) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close(parser);
        }
        reader.errors.throwIfAny();
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(FieldErrors.single("body", "must be a JSON object"));
        }
        return node;
    }

    private static void close(JsonParser parser) {
        try {
            if (parser != null) {
                parser.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** " at orderInformation.status (line 1, column 31)": the parser's own position when it gave up. */
    private static String where(JsonParser parser, JsonLocation location, PathStyle style) {
        String path = parser == null ? "" : path(parser.getParsingContext(), style);
        String at = path.isEmpty() ? "" : " at " + path;
        return location == null ? at : at + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** The parser's context as this API names fields: {@code codes[3].value} (or {@code codes[3][value]}). */
    private static String path(JsonStreamContext context, PathStyle style) {
        java.util.ArrayDeque<JsonStreamContext> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.push(c);
        }
        String path = "";
        for (JsonStreamContext c : parts) {
            if (c.inObject() && c.getCurrentName() != null) {
                path = style.field(path, PlainText.excerpt(c.getCurrentName()));
            } else if (c.inArray()) {
                path = PathStyle.element(path, Math.max(0, c.getCurrentIndex()));
            }
        }
        return path;
    }

    /**
     * Why this JSON number text is not read ({@code null} when it is fine): checked on the text, before
     * any conversion, in time bounded by {@link #MAX_NUMBER_CHARS}.
     */
    static String numberProblem(String text) {
        if (text.length() > MAX_NUMBER_CHARS) {
            return "must be a number of at most " + MAX_NUMBER_CHARS + " characters";
        }
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e >= 0) {
            int digits = e + 1;
            if (digits < text.length() && (text.charAt(digits) == '+' || text.charAt(digits) == '-')) {
                digits++;
            }
            while (digits < text.length() - 1 && text.charAt(digits) == '0') {
                digits++;
            }
            if (text.length() - digits > Integer.toString(MAX_EXPONENT).length()) {
                return "must be a number with an exponent between -" + MAX_EXPONENT + " and " + MAX_EXPONENT;
            }
        }
        return null;
    }

    /** Builds the tree token by token, checking every name, number and depth as it goes. */
    private static final class BodyReader {

        /** Thrown when reading further makes no sense; {@link #errors} holds the reasons. */
        private static final class Stop extends RuntimeException {
            Stop() {
                super(null, null, false, false);
            }
        }

        private final FieldErrors errors = FieldErrors.none();
        private final JsonNodeFactory nodes = JsonNodeFactory.instance;
        private final PathStyle style;

        BodyReader(PathStyle style) {
            this.style = style;
        }

        private void problem(String path, String message) {
            errors.add(path.isEmpty() ? "body" : path, message);
            if (errors.size() >= MAX_BODY_ERRORS) {
                throw new Stop();
            }
        }

        /** The parser reports an early end inside a container itself; this is the belt to its braces. */
        private void endsEarly(JsonToken token) {
            if (token == null) {
                problem("body", "is not valid JSON: it ends early");
                throw new Stop();
            }
        }

        JsonNode value(JsonParser parser, JsonToken token, String path, int depth) throws IOException {
            endsEarly(token);
            return switch (token) {
                case START_OBJECT -> object(parser, path, depth + 1);
                case START_ARRAY -> array(parser, path, depth + 1);
                case VALUE_STRING -> TextNode.valueOf(parser.getText());
                case VALUE_NUMBER_INT -> integer(parser, path);
                case VALUE_NUMBER_FLOAT -> decimal(parser, path);
                case VALUE_TRUE -> BooleanNode.TRUE;
                case VALUE_FALSE -> BooleanNode.FALSE;
                default -> NullNode.instance;
            };
        }

        private void checkDepth(String path, int depth) {
            if (depth > MAX_DEPTH) {
                problem(path, "is nested more than " + MAX_DEPTH + " levels deep");
                throw new Stop();
            }
        }

        private ObjectNode object(JsonParser parser, String path, int depth) throws IOException {
            checkDepth(path, depth);
            ObjectNode object = nodes.objectNode();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                endsEarly(token);
                String name = parser.currentName();
                String child = style.field(path, PlainText.excerpt(name));
                if (name.length() > MAX_NAME_CHARS) {
                    problem(child, "is a field name of more than " + MAX_NAME_CHARS + " characters");
                } else if (!PlainText.isClean(name)) {
                    problem(child, "is a field name with control or format characters");
                }
                JsonNode value = value(parser, parser.nextToken(), child, depth);
                if (object.has(name)) {
                    problem(child, "appears more than once; give each field once");
                } else {
                    object.set(name, value);
                }
            }
            return object;
        }

        private ArrayNode array(JsonParser parser, String path, int depth) throws IOException {
            checkDepth(path, depth);
            ArrayNode array = nodes.arrayNode();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                endsEarly(token);
                array.add(value(parser, token, PathStyle.element(path, array.size()), depth));
            }
            return array;
        }

        private JsonNode integer(JsonParser parser, String path) throws IOException {
            String problem = numberProblem(parser.getText());
            if (problem != null) {
                problem(path, problem);
                return NullNode.instance;
            }
            return switch (parser.getNumberType()) {
                case INT -> IntNode.valueOf(parser.getIntValue());
                case LONG -> LongNode.valueOf(parser.getLongValue());
                default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
            };
        }

        private JsonNode decimal(JsonParser parser, String path) throws IOException {
            String text = parser.getText();
            String problem = numberProblem(text);
            if (problem != null) {
                problem(path, problem);
                return NullNode.instance;
            }
            // Exact, as USE_BIG_DECIMAL_FOR_FLOATS reads it: money is never a double.
            return DecimalNode.valueOf(new BigDecimal(text));
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass().getName(), e);
        }
    }
}
