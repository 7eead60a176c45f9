package org.serverlessloyalty.local.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A CloudFormation/SAM template as written: its sections as maps, intrinsic functions still unresolved.
 * {@link StackModel#resolve} turns it into what the local stack runs.
 */
public final class Template {

    /** Where {@code java -jar loyalty-local.jar} finds template.yaml when none is on disk (copied in at build time). */
    /** The top-level Metadata key holding local-stack settings. */
    public static final String LOCAL_STACK_METADATA = "ServerlessLoyalty::LocalStack";
    public static final String BUNDLED_RESOURCE = "/org/serverlessloyalty/local/template.yaml";

    private final String source;
    private final Map<String, Object> parameters;
    private final Map<String, Object> mappings;
    private final Map<String, Object> conditions;
    private final Map<String, Object> globals;
    private final Map<String, Object> localParameterDefaults;
    private final Map<String, Resource> resources;

    /** One entry of {@code Resources}. */
    public record Resource(String logicalId, String type, Map<String, Object> properties, Object condition,
                           Map<String, Object> raw) {

        public Object property(String name) {
            return properties.get(name);
        }
    }

    private Template(String source, Map<String, Object> document) {
        this.source = source;
        this.parameters = section(document, "Parameters");
        this.mappings = section(document, "Mappings");
        this.conditions = section(document, "Conditions");
        this.globals = section(document, "Globals");
        Map<String, Object> localStack = asMap(section(document, "Metadata").get(LOCAL_STACK_METADATA),
                source + ": Metadata." + LOCAL_STACK_METADATA);
        this.localParameterDefaults = asMap(localStack.get("ParameterDefaults"),
                source + ": Metadata." + LOCAL_STACK_METADATA + ".ParameterDefaults");
        Map<String, Resource> parsed = new LinkedHashMap<>();
        section(document, "Resources").forEach((id, value) -> {
            if (!(value instanceof Map<?, ?> resource)) {
                throw new TemplateException(source + ": resource " + id + " is not a mapping");
            }
            Object type = resource.get("Type");
            if (!(type instanceof String typeName)) {
                throw new TemplateException(source + ": resource " + id + " has no Type");
            }
            parsed.put(id, new Resource(id, typeName, asMap(resource.get("Properties"), source + ": " + id + ".Properties"),
                    resource.get("Condition"), asMap(resource, id)));
        });
        if (parsed.isEmpty()) {
            throw new TemplateException(source + " declares no Resources");
        }
        this.resources = parsed;
    }

    public static Template parse(String yaml, String source) {
        return new Template(source, CfnYaml.load(yaml, source));
    }

    public static Template read(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    /** The copy of template.yaml inside the jar, if the build put one there. */
    public static Optional<Template> bundled() {
        try (InputStream in = Template.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "template.yaml (bundled in the jar)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** template.yaml in {@code start} or the nearest parent that has one. */
    public static Optional<Path> findUpwards(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("template.yaml");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public String source() {
        return source;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /**
     * Parameter values the local stack uses instead of the template's Default, from
     * {@code Metadata: ServerlessLoyalty::LocalStack: ParameterDefaults:} (CloudFormation ignores
     * it): settings that suit a laptop, such as retries within seconds rather than hours.
     */
    public Map<String, Object> localParameterDefaults() {
        return localParameterDefaults;
    }

    public Map<String, Object> mappings() {
        return mappings;
    }

    public Map<String, Object> conditions() {
        return conditions;
    }

    /** {@code Globals.Function}, or an empty map. */
    public Map<String, Object> functionGlobals() {
        return asMap(globals.get("Function"), source + ": Globals.Function");
    }

    public Map<String, Resource> resources() {
        return resources;
    }

    public Optional<Resource> resource(String logicalId) {
        return Optional.ofNullable(resources.get(logicalId));
    }

    private Map<String, Object> section(Map<String, Object> document, String name) {
        return asMap(document.get(name), source + ": " + name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new TemplateException(where + " must be a mapping");
        }
        return (Map<String, Object>) value;
    }
}
