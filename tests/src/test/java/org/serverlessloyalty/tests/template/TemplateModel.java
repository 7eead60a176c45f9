package org.serverlessloyalty.tests.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed views over the raw template map, for the checks that hold template.yaml to the code. */
@SuppressWarnings("unchecked")
public final class TemplateModel {

    public record Function(String logicalId, String handler, String codeUri, Map<String, Object> environment,
                    Map<String, Map<String, Object>> events, Map<String, Object> properties) {

        public String handlerClass() {
            return handler.substring(0, handler.indexOf("::"));
        }
    }

    public record Route(String function, String event, String method, String path) {

        public String routeKey() {
            return method + " " + path;
        }
    }

    private final Map<String, Object> template;

    public TemplateModel(Map<String, Object> template) {
        this.template = template;
    }

    Map<String, Object> resources() {
        return (Map<String, Object>) template.getOrDefault("Resources", Map.of());
    }

    Set<String> parameters() {
        return ((Map<String, Object>) template.getOrDefault("Parameters", Map.of())).keySet();
    }

    Map<String, Object> resource(String logicalId) {
        return (Map<String, Object>) resources().get(logicalId);
    }

    String type(String logicalId) {
        Map<String, Object> resource = resource(logicalId);
        return resource == null ? null : (String) resource.get("Type");
    }

    Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) resource(logicalId).getOrDefault("Properties", Map.of());
    }

    Map<String, Object> globalsFunction() {
        Map<String, Object> globals = (Map<String, Object>) template.getOrDefault("Globals", Map.of());
        return (Map<String, Object>) globals.getOrDefault("Function", Map.of());
    }

    List<String> resourcesOfType(String type) {
        return resources().keySet().stream().filter(id -> type.equals(type(id))).toList();
    }

    public List<Function> functions() {
        List<Function> functions = new ArrayList<>();
        Map<String, Object> globalEnv = variables(globalsFunction());
        for (String id : resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> p = properties(id);
            Map<String, Object> env = new LinkedHashMap<>(globalEnv);
            env.putAll(variables(p));
            functions.add(new Function(id, (String) p.get("Handler"), (String) p.get("CodeUri"), env,
                    (Map<String, Map<String, Object>>) p.getOrDefault("Events", Map.of()), p));
        }
        return functions;
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Function f : functions()) {
            f.events().forEach((name, event) -> {
                if ("HttpApi".equals(event.get("Type"))) {
                    Map<String, Object> p = (Map<String, Object>) event.get("Properties");
                    routes.add(new Route(f.logicalId(), name, ((String) p.get("Method")).toUpperCase(), (String) p.get("Path")));
                }
            });
        }
        return routes;
    }

    private static Map<String, Object> variables(Map<String, Object> functionProperties) {
        Map<String, Object> environment = (Map<String, Object>) functionProperties.getOrDefault("Environment", Map.of());
        return (Map<String, Object>) environment.getOrDefault("Variables", Map.of());
    }
}
