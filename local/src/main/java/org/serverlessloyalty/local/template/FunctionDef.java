package org.serverlessloyalty.local.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::Serverless::Function} after {@code Globals.Function} is merged in and every intrinsic is
 * resolved: the handler to load, the environment the template gives it, its limits and its events.
 */
public record FunctionDef(String logicalId, String functionName, String handlerClass, String handlerMethod,
                          String runtime, int timeoutSeconds, int memorySizeMb, Map<String, String> environment,
                          List<HttpRouteDef> routes, List<SqsEventSourceDef> sqsEventSources,
                          List<ScheduleDef> schedules) {

    public static final int DEFAULT_TIMEOUT_SECONDS = 3;
    public static final int DEFAULT_MEMORY_MB = 128;

    public FunctionDef {
        environment = Map.copyOf(environment);
        routes = List.copyOf(routes);
        sqsEventSources = List.copyOf(sqsEventSources);
        schedules = List.copyOf(schedules);
    }

    /** A function without schedules. */
    public FunctionDef(String logicalId, String functionName, String handlerClass, String handlerMethod,
                       String runtime, int timeoutSeconds, int memorySizeMb, Map<String, String> environment,
                       List<HttpRouteDef> routes, List<SqsEventSourceDef> sqsEventSources) {
        this(logicalId, functionName, handlerClass, handlerMethod, runtime, timeoutSeconds, memorySizeMb, environment,
                routes, sqsEventSources, List.of());
    }

    /** {@code Handler} as written: {@code a.b.C::handleRequest}. */
    public String handler() {
        return handlerClass + "::" + handlerMethod;
    }
}
