package org.serverlessloyalty.tests.contract;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.serverlessloyalty.local.http.ApiDocs;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/**
 * {@code docs/openapi.yaml} as a checker: which operations it documents, whether a request (path and query
 * parameters, keys, body) is one the document allows, and whether a response is the one documented for its
 * status. Schemas are validated as JSON Schema 2020-12 in OpenAPI 3.1's dialect, formats asserted, with
 * {@code $ref}s resolved inside the document. Thread-safe: the IT clients call it from many threads.
 *
 * <p>The narrowest use: {@link #assertResponseMatches} after every call a test makes to the API
 * ({@code HttpApiClient}, {@code HandlerApiClient}, {@code EventsIT}, {@code LambdaJarIT}).
 */
public final class OpenApiContract {

    public static final String DOCUMENT = "docs/openapi.yaml";
    /** Where the validator believes the document lives: only a name for resolving {@code #/components/...}. */
    private static final String BASE_IRI = "https://serverless-loyalty.invalid/openapi.json";
    private static final String JSON = "application/json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static volatile OpenApiContract repository;

    /** A documented operation: the route key is the template's ({@code GET /api/store/{storeCode}}). */
    public record Operation(String method, String path, String operationId, JsonNode node, String pointer) {

        public String routeKey() {
            return method + " " + path;
        }
    }

    private final JsonNode document;
    private final List<Operation> operations;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
        this.operations = readOperations(document);
        String json;
        try {
            json = MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(BASE_IRI, json))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The repository's {@code docs/openapi.yaml}, read once. */
    public static OpenApiContract ofRepository() {
        OpenApiContract loaded = repository;
        if (loaded == null) {
            synchronized (OpenApiContract.class) {
                loaded = repository;
                if (loaded == null) {
                    loaded = parse(read(documentPath()));
                    repository = loaded;
                }
            }
        }
        return loaded;
    }

    public static Path documentPath() {
        return CloudFormationYaml.repositoryRoot().resolve(DOCUMENT);
    }

    /** A document given as YAML (or JSON): for checking the checker against a deliberately wrong contract. */
    public static OpenApiContract parse(String yaml) {
        try {
            return new OpenApiContract(YAML.readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("Not YAML: " + e.getMessage(), e);
        }
    }

    /** Fails the calling test unless {@code status} and {@code body} are documented for this request. */
    public static void assertResponseMatches(String method, String path, int status, String body) {
        List<String> problems = ofRepository().responseProblems(method, path, status, body);
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + method + " " + path + " breaks " + DOCUMENT + ":\n  "
                    + String.join("\n  ", problems) + "\nstatus " + status + ", body: " + abbreviate(body));
        }
    }

    public JsonNode document() {
        return document;
    }

    public List<Operation> operations() {
        return operations;
    }

    /** The route keys the document declares, sorted. */
    public Set<String> routeKeys() {
        Set<String> keys = new TreeSet<>();
        operations.forEach(o -> keys.add(o.routeKey()));
        return keys;
    }

    public Optional<Operation> byRouteKey(String routeKey) {
        return operations.stream().filter(o -> o.routeKey().equals(routeKey)).findFirst();
    }

    /**
     * The operation a request reaches, as API Gateway picks the route: {@code path} is a concrete path (query
     * string and a trailing slash ignored) or a template path ({@code /api/store/{storeCode}}).
     */
    public Optional<Operation> operation(String method, String path) {
        String upper = method.toUpperCase(Locale.ROOT);
        String bare = bare(path);
        if (bare.contains("{")) {
            return byRouteKey(upper + " " + bare);
        }
        List<String> segments = segments(bare);
        return operations.stream()
                .filter(o -> o.method().equals(upper) && matches(segments(o.path()), segments))
                .min(SPECIFICITY);
    }

    // ------------------------------------------------------------------ responses

    /** Everything about this answer that the document does not allow; empty when it matches. */
    public List<String> responseProblems(String method, String path, int status, String body) {
        List<String> problems = new ArrayList<>();
        Optional<Operation> found = operation(method, path);
        if (found.isEmpty()) {
            if (ApiDocs.serves(method, bare(path))) {
                return problems; // the local stack's own pages: not part of the API
            }
            // No route: what API Gateway answers by itself.
            if (status != 404) {
                problems.add(method + " " + bare(path) + " is not a documented route, yet it answered " + status
                        + " (only API Gateway's 404 {\"message\":\"Not Found\"} is expected there)");
                return problems;
            }
            problems.addAll(bodyProblems("/components/schemas/GatewayMessage", body, "no route's 404"));
            return problems;
        }
        Operation operation = found.get();
        JsonNode responses = operation.node().path("responses");
        String code = Integer.toString(status);
        if (!responses.has(code)) {
            problems.add(operation.routeKey() + " does not document status " + status + " (documented: "
                    + String.join(", ", fieldNames(responses)) + ")");
            return problems;
        }
        String pointer = operation.pointer() + "/responses/" + code;
        JsonNode response = responses.get(code);
        if (response.has("$ref")) {
            pointer = refPointer(response.get("$ref").asText());
            response = at(pointer);
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                problems.add(operation.routeKey() + " " + status + " is documented without a body, yet one came");
            }
            return problems;
        }
        if (!content.has(JSON) && (content.has("text/csv") || content.has("text/html"))) {
            // issue 11, h11-bought: a file answer (the bought-reward CSV export) is text, held by its route's tests;
            // so are the console's files (issue 12), held by ConsoleFilesHttpIT.
            return problems;
        }
        if (!content.has(JSON)) {
            // issue 11 (media): an image answer is the raw bytes of a documented image type: no schema to hold it to.
            if (!fieldNames(content).isEmpty() && fieldNames(content).stream().allMatch(t -> t.startsWith("image/"))) {
                if (body == null || body.isEmpty()) {
                    problems.add(operation.routeKey() + " " + status + " documents an image, yet no body came");
                }
                return problems;
            }
            problems.add(operation.routeKey() + " " + status + " documents no " + JSON + " body");
            return problems;
        }
        problems.addAll(bodyProblems(pointer + "/content/" + escape(JSON) + "/schema", body,
                operation.routeKey() + " " + status));
        return problems;
    }

    // ------------------------------------------------------------------ requests

    /**
     * Everything about this request that the document does not allow: path parameters, query parameters
     * (repeated ones as lists), a key for one of the operation's security requirements, and the body (its bytes as
     * the function receives them: an event's base64 body decoded), read as the route's handler reads it
     * ({@link #requestBodyProblems}).
     */
    public List<String> requestProblems(Operation operation, Map<String, String> pathParameters,
                                        Map<String, List<String>> query, Map<String, String> headers, byte[] body) {
        List<String> problems = new ArrayList<>();
        Map<String, String> lowerHeaders = new LinkedHashMap<>();
        headers.forEach((k, v) -> lowerHeaders.put(k.toLowerCase(Locale.ROOT), v));
        Set<String> queryKeys = new TreeSet<>();
        problems.addAll(securityProblems(operation, lowerHeaders, query, queryKeys));

        Set<String> documentedPath = new TreeSet<>();
        Set<String> documentedQuery = new TreeSet<>(queryKeys);
        for (Map.Entry<String, JsonNode> entry : parameters(operation).entrySet()) {
            JsonNode parameter = entry.getValue();
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            String schemaPointer = entry.getKey() + "/schema";
            String where = in + " parameter " + name;
            List<String> values;
            if (in.equals("path")) {
                // A greedy {proxy+} is named "proxy+" in the document (as in the path) and "proxy" in the event.
                name = name.endsWith("+") ? name.substring(0, name.length() - 1) : name;
                documentedPath.add(name);
                String value = pathParameters.get(name);
                values = value == null ? List.of() : List.of(value);
            } else if (in.equals("query")) {
                documentedQuery.add(name);
                values = query.getOrDefault(name, List.of());
            } else if (in.equals("header")) {
                String value = lowerHeaders.get(name.toLowerCase(Locale.ROOT));
                values = value == null ? List.of() : List.of(value);
            } else {
                continue;
            }
            if (values.isEmpty()) {
                if (parameter.path("required").asBoolean(false)) {
                    problems.add(where + " is required");
                }
                continue;
            }
            JsonNode schema = resolve(parameter.path("schema"));
            JsonNode instance;
            if ("array".equals(schema.path("type").asText())) {
                var array = MAPPER.createArrayNode();
                JsonNode items = resolve(schema.path("items"));
                boolean exploded = exploded(parameter);
                for (String value : values) {
                    // Not exploded, an array is one value with its items comma-separated (status=ACTIVE,EXHAUSTED).
                    for (String item : exploded ? List.of(value) : List.of(value.split(",", -1))) {
                        array.add(typed(item, items));
                    }
                }
                instance = array;
            } else if (values.size() > 1) {
                problems.add(where + " is given " + values.size() + " times; it takes one value");
                continue;
            } else {
                instance = typed(values.get(0), schema);
            }
            problems.addAll(instanceProblems(schemaPointer, instance, where));
        }
        for (String name : pathParameters.keySet()) {
            if (!documentedPath.contains(name)) {
                problems.add("path parameter " + name + " is not documented");
            }
        }
        for (String name : query.keySet()) {
            if (!documentedQuery.contains(name)) {
                problems.add("query parameter " + name + " is not documented");
            }
        }

        JsonNode requestBody = operation.node().path("requestBody");
        boolean hasBody = body != null && body.length > 0;
        if (requestBody.isMissingNode()) {
            if (hasBody) {
                problems.add(operation.routeKey() + " is documented without a request body, yet one is sent");
            }
        } else if (!hasBody) {
            if (requestBody.path("required").asBoolean(false)) {
                problems.add(operation.routeKey() + " requires a body");
            }
        } else {
            problems.addAll(requestBodyProblems(operation, headers, body));
        }
        return problems;
    }

    /**
     * The body against the schema of the media type its handler reads it as. A route that documents
     * {@code application/x-www-form-urlencoded} is an Open Loyalty route: its handler reads the body with
     * {@link OpenLoyaltyBody} (a form's bracket fields or JSON, chosen by {@code Content-Type} and by whether it starts
     * with <code>{</code>), so the checker reads it with the same code, through {@link ApiRequest} as the handler gets
     * it, and holds the very tree the handler reads its fields from to that media type's schema; what the parser
     * refuses (a 400, 413 or 415) is a problem. Every other route reads JSON whatever the label says
     * ({@code Json.parseObject}), so its body is held to the {@code application/json} schema.
     */
    private List<String> requestBodyProblems(Operation operation, Map<String, String> headers, byte[] body) {
        String content = operation.pointer() + "/requestBody/content/";
        String what = operation.routeKey() + " request body";
        String sentType = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("content-type"))
                .map(Map.Entry::getValue).findFirst().orElse("").split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (sentType.startsWith("text/") && operation.node().path("requestBody").path("content").has(sentType)) {
            // A documented text body (the points import's CSV): its handler reads it as text; nothing to hold to a schema.
            return List.of();
        }
        if (sentType.equals("multipart/form-data")
                && operation.node().path("requestBody").path("content").has(sentType)) {
            // issue 11 (media): an upload; its handler reads the file part by its field name (a 400 names it otherwise).
            return List.of();
        }
        if (!operation.node().path("requestBody").path("content").has(OpenLoyaltyBody.FORM)) {
            return bodyProblems(content + escape(JSON) + "/schema", new String(body, StandardCharsets.UTF_8), what);
        }
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setHeaders(headers);
        event.setBody(Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        ApiRequest request = new ApiRequest(event);
        String mediaType = request.mediaType().orElse(null);
        ObjectNode tree;
        String readAs;
        try {
            byte[] bytes = request.body();
            tree = OpenLoyaltyBody.tree(mediaType, bytes);
            try {
                readAs = OpenLoyaltyBody.readAs(mediaType, bytes);
            } catch (ApiException blank) {
                // tree() took it, so the body is blank: an empty object under any label.
                readAs = JSON;
            }
        } catch (ApiException refused) {
            List<String> fields = refused.fieldErrors().list().stream()
                    .map(e -> e.field() + " " + e.message()).toList();
            return List.of(what + " is refused by OpenLoyaltyBody, as its handler would: " + refused.status() + " "
                    + refused.code() + " " + fields);
        }
        if (!operation.node().path("requestBody").path("content").has(readAs)) {
            return List.of(what + " is read as " + readAs + ", which " + operation.routeKey() + " does not document");
        }
        return instanceProblems(content + escape(readAs) + "/schema", tree, what + " (read as " + readAs + ")");
    }

    /**
     * Whether an array parameter comes as repeated values ({@code procods=a&procods=b}) rather than one
     * comma-separated value: OpenAPI's {@code explode}, true by default only for the {@code form} style, which is
     * the default style of query parameters ({@code simple}, of path and header ones).
     */
    private static boolean exploded(JsonNode parameter) {
        String in = parameter.path("in").asText();
        String style = parameter.path("style").asText(in.equals("query") || in.equals("cookie") ? "form" : "simple");
        return parameter.has("explode") ? parameter.get("explode").asBoolean() : style.equals("form");
    }

    /** One of the operation's security requirements must be met; {@code []} (none) always is. */
    private List<String> securityProblems(Operation operation, Map<String, String> headers,
                                          Map<String, List<String>> query, Set<String> queryKeys) {
        JsonNode requirements = operation.node().path("security");
        if (!requirements.isArray()) {
            return List.of(operation.routeKey() + " declares no security (use [] for none)");
        }
        if (requirements.isEmpty()) {
            return List.of();
        }
        List<String> tried = new ArrayList<>();
        boolean met = false;
        for (JsonNode requirement : requirements) {
            boolean all = true;
            for (String name : fieldNames(requirement)) {
                JsonNode scheme = document.path("components").path("securitySchemes").path(name);
                tried.add(name);
                String type = scheme.path("type").asText();
                if (type.equals("http")) {
                    String prefix = scheme.path("scheme").asText().equalsIgnoreCase("basic") ? "basic " : "bearer ";
                    String authorization = headers.getOrDefault("authorization", "");
                    all &= authorization.toLowerCase(Locale.ROOT).startsWith(prefix);
                } else if (type.equals("apiKey") && scheme.path("in").asText().equals("header")) {
                    all &= headers.containsKey(scheme.path("name").asText().toLowerCase(Locale.ROOT));
                } else if (type.equals("apiKey") && scheme.path("in").asText().equals("query")) {
                    String key = scheme.path("name").asText();
                    queryKeys.add(key);
                    all &= !query.getOrDefault(key, List.of()).isEmpty();
                } else {
                    all = false;
                }
            }
            met |= all;
        }
        return met ? List.of() : List.of(operation.routeKey() + " needs a key of " + tried + "; the request has none");
    }

    /** The operation's parameters and its path's, by their pointers (references resolved). */
    private Map<String, JsonNode> parameters(Operation operation) {
        Map<String, JsonNode> byPointer = new LinkedHashMap<>();
        String pathPointer = operation.pointer().substring(0, operation.pointer().lastIndexOf('/'));
        for (String owner : List.of(pathPointer, operation.pointer())) {
            JsonNode list = at(owner).path("parameters");
            for (int i = 0; i < list.size(); i++) {
                String pointer = owner + "/parameters/" + i;
                JsonNode parameter = list.get(i);
                if (parameter.has("$ref")) {
                    pointer = refPointer(parameter.get("$ref").asText());
                    parameter = at(pointer);
                }
                byPointer.put(pointer, parameter);
            }
        }
        return byPointer;
    }

    /** A parameter's text as the JSON value its schema's type calls for (left a string when it is not one). */
    private JsonNode typed(String value, JsonNode schema) {
        String type = schema.path("type").asText("string");
        try {
            return switch (type) {
                case "integer" -> MAPPER.getNodeFactory().numberNode(new java.math.BigInteger(value.strip()));
                case "number" -> MAPPER.getNodeFactory().numberNode(new BigDecimal(value.strip()));
                case "boolean" -> value.equals("true") || value.equals("false")
                        ? MAPPER.getNodeFactory().booleanNode(Boolean.parseBoolean(value))
                        : MAPPER.getNodeFactory().textNode(value);
                default -> MAPPER.getNodeFactory().textNode(value);
            };
        } catch (NumberFormatException notANumber) {
            return MAPPER.getNodeFactory().textNode(value);
        }
    }

    // ------------------------------------------------------------------ schemas

    /** Problems of a JSON text against the schema at {@code pointer}; a body that is not JSON is one. */
    public List<String> bodyProblems(String pointer, String body, String what) {
        if (body == null || body.isEmpty()) {
            return List.of(what + " must have a JSON body, it has none");
        }
        JsonNode instance;
        try {
            instance = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return List.of(what + " is not JSON: " + e.getOriginalMessage());
        }
        return instanceProblems(pointer, instance, what);
    }

    /** Problems of a JSON value against the schema at {@code pointer} (a JSON pointer into the document). */
    public List<String> instanceProblems(String pointer, JsonNode instance, String what) {
        if (at(pointer).isMissingNode()) {
            throw new IllegalArgumentException("No schema at " + pointer + " in the document");
        }
        Schema schema = schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE_IRI + "#" + p)));
        List<Error> errors = schema.validate(instance.toString(), InputFormat.JSON);
        List<String> problems = new ArrayList<>();
        for (Error error : errors) {
            problems.add(what + ": " + error.getInstanceLocation() + " " + error.getMessage()
                    + " (schema " + error.getSchemaLocation() + ")");
        }
        return problems;
    }

    /** The node at a JSON pointer of the document (missing node when there is none). */
    public JsonNode at(String pointer) {
        return document.at(pointer);
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            current = at(refPointer(current.get("$ref").asText()));
        }
        return current;
    }

    private static String refPointer(String ref) {
        if (!ref.startsWith("#")) {
            throw new IllegalArgumentException("Only references inside the document are supported: " + ref);
        }
        return ref.substring(1);
    }

    /** RFC 6901: {@code ~} and {@code /} inside one reference token. */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    // ------------------------------------------------------------------ routes

    private static List<Operation> readOperations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = document.path("paths");
        for (String path : fieldNames(paths)) {
            JsonNode item = paths.get(path);
            for (String method : fieldNames(item)) {
                if (METHODS.contains(method)) {
                    JsonNode operation = item.get(method);
                    operations.add(new Operation(method.toUpperCase(Locale.ROOT), path,
                            operation.path("operationId").asText(null), operation,
                            "/paths/" + escape(path) + "/" + method));
                }
            }
        }
        return List.copyOf(operations);
    }

    /** More literal segments first; then a literal before a variable at the first place two routes differ. */
    private static final Comparator<Operation> SPECIFICITY = Comparator
            .comparingLong((Operation o) -> -segments(o.path()).stream().filter(s -> !s.startsWith("{")).count())
            .thenComparing(o -> segments(o.path()).stream().map(s -> s.startsWith("{") ? "1" : "0")
                    .reduce("", String::concat));

    private static boolean matches(List<String> template, List<String> concrete) {
        if (template.size() != concrete.size()) {
            return false;
        }
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            boolean variable = t.startsWith("{") && t.endsWith("}");
            if (variable ? concrete.get(i).isEmpty() : !t.equals(concrete.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String bare(String path) {
        int query = path.indexOf('?');
        String bare = query < 0 ? path : path.substring(0, query);
        return bare.length() > 1 && bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        return segments;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "(none)";
        }
        return body.length() <= 2000 ? body : body.substring(0, 2000) + "... (" + body.length() + " characters)";
    }
}
