package org.serverlessloyalty.tests.lambdajar;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.tests.template.CloudFormationYaml;
import org.serverlessloyalty.tests.template.TemplateModel;

/**
 * The functions of template.yaml as Lambda would run them: the handler class, the deployable jar
 * their {@code CodeUri} builds ({@code <CodeUri>/target/<folder>-lambda.jar}), and the environment
 * Lambda would give them (the template's variables with references resolved, plus Lambda's own).
 */
public final class DeployableFunctions {

    public record Deployable(String logicalId, String handlerClass, String folder, Path jar, int memoryMb,
                             Map<String, Object> templateVariables, Map<String, Object> parameters,
                             Map<String, String> resourceTypes) {

        /** Fails with what to do when the jar has not been built. */
        public Path requireJar() {
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            Path root = CloudFormationYaml.repositoryRoot();
            String module = root.relativize(jar.getParent().getParent()).toString().replace('\\', '/');
            String rootPom;
            try {
                rootPom = Files.readString(root.resolve("pom.xml"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (!rootPom.contains("<module>" + module + "</module>")) {
                throw new AssertionError(logicalId + ": " + jar + " is missing, and " + module + " is not a <module> of the"
                        + " root pom.xml, so `mvn verify` never builds it. Add it there, and make the tests module depend"
                        + " on it (for instance through local/) so the reactor packages it before the tests run.");
            }
            throw new AssertionError(logicalId + ": " + jar + " is missing: build it with `mvn -B package -DskipTests -pl "
                    + module + " -am` (a full `mvn verify` from the root builds it first)");
        }

        /**
         * The template's variables (Globals and the function's own) resolved for this machine:
         * {@code !Ref} to a parameter is its default, to the table {@code table}'s name, to a queue a
         * local placeholder URL, {@code !GetAtt x.Arn} a local ARN. Then Lambda's own variables, the
         * endpoint and dummy credentials of {@code table}'s engine, and {@code extra}.
         */
        public Map<String, String> lambdaEnvironment(LocalTable table, Map<String, String> extra) {
            Map<String, String> env = new LinkedHashMap<>(table.environment(Map.of()));
            templateVariables.forEach((name, value) -> env.put(name, resolve(name, value, table)));
            env.put("AWS_DEFAULT_REGION", env.get("AWS_REGION"));
            env.put("AWS_LAMBDA_FUNCTION_NAME", logicalId);
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memoryMb));
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + logicalId);
            env.put("TZ", ":UTC");
            env.putAll(extra);
            return env;
        }

        private String resolve(String variable, Object value, LocalTable table) {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                return String.valueOf(value);
            }
            if (value instanceof Map<?, ?> ref && ref.get("Ref") instanceof String target) {
                if (parameters.get(target) instanceof Map<?, ?> parameter && parameter.containsKey("Default")) {
                    return String.valueOf(parameter.get("Default"));
                }
                switch (String.valueOf(resourceTypes.get(target))) {
                    case "AWS::DynamoDB::Table":
                        return table.name();
                    case "AWS::SQS::Queue":
                        return "http://127.0.0.1:9324/000000000000/" + target;
                    case "AWS::S3::Bucket":
                        // issue 11: the campaign media bucket; a name S3 would accept (lower case).
                        return target.toLowerCase(java.util.Locale.ROOT);
                    default:
                        break;
                }
            }
            if (value instanceof Map<?, ?> getAtt && getAtt.get("Fn::GetAtt") instanceof List<?> path
                    && path.size() == 2 && "Arn".equals(path.get(1))) {
                return "arn:aws:local:us-east-1:000000000000:" + path.get(0);
            }
            throw new IllegalStateException(logicalId + " variable " + variable + ": DeployableFunctions cannot resolve "
                    + value + " locally; teach it this reference");
        }
    }

    private DeployableFunctions() {
    }

    @SuppressWarnings("unchecked")
    public static List<Deployable> fromTemplate() {
        Map<String, Object> raw = CloudFormationYaml.loadTemplate();
        Path root = CloudFormationYaml.repositoryRoot();
        Map<String, Object> parameters = (Map<String, Object>) raw.getOrDefault("Parameters", Map.of());
        Map<String, Object> globals = (Map<String, Object>) ((Map<String, Object>) raw.getOrDefault("Globals", Map.of()))
                .getOrDefault("Function", Map.of());
        Map<String, Object> resources = (Map<String, Object>) raw.getOrDefault("Resources", Map.of());
        Map<String, String> resourceTypes = new LinkedHashMap<>();
        resources.forEach((id, resource) -> resourceTypes.put(id, String.valueOf(((Map<String, Object>) resource).get("Type"))));
        return new TemplateModel(raw).functions().stream().map(f -> {
            String folder = Path.of(f.codeUri()).getFileName().toString();
            Object memory = f.properties().getOrDefault("MemorySize", globals.getOrDefault("MemorySize", 128));
            return new Deployable(f.logicalId(), f.handlerClass(), folder,
                    root.resolve(f.codeUri()).resolve("target").resolve(folder + "-lambda.jar"),
                    Integer.parseInt(String.valueOf(memory)), f.environment(), parameters, resourceTypes);
        }).toList();
    }

    public static Deployable byFolder(String folder) {
        return fromTemplate().stream().filter(d -> d.folder().equals(folder)).findFirst()
                .orElseThrow(() -> new AssertionError("template.yaml has no function with CodeUri .../" + folder));
    }
}
