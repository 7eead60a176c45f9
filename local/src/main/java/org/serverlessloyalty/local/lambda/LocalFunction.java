package org.serverlessloyalty.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.lang.reflect.InvocationTargetException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.serverlessloyalty.local.template.FunctionDef;
import org.serverlessloyalty.local.template.LocalAccount;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;

/**
 * One function of the template, warm: its handler is built once through its public no-arg constructor
 * (what Lambda calls), and every invocation runs with the function's own environment
 * ({@link LambdaEnvironment#runWith}) and a fresh {@link Context}.
 *
 * <p>Unlike Lambda, concurrent requests share this one instance: handlers must be thread-safe (they are
 * written to be: clients and caches built once, no per-request fields).
 */
public final class LocalFunction {

    private final FunctionDef definition;
    private final Map<String, String> environment;
    private final String arn;
    private final String logStreamName;
    private final RequestHandler<Object, Object> handler;

    private LocalFunction(FunctionDef definition, Map<String, String> environment, String arn,
                          RequestHandler<Object, Object> handler) {
        this.definition = definition;
        this.environment = Map.copyOf(environment);
        this.arn = arn;
        this.logStreamName = LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/') + "/[$LATEST]"
                + UUID.randomUUID().toString().replace("-", "");
        this.handler = handler;
    }

    /** Loads the handler class the template names and constructs it inside the function's environment. */
    public static LocalFunction load(FunctionDef definition, Map<String, String> environment, LocalAccount account,
                                     ClassLoader classLoader) {
        Class<?> type;
        try {
            type = Class.forName(definition.handlerClass(), true, classLoader);
        } catch (ClassNotFoundException e) {
            throw new FunctionLoadException(definition.logicalId() + ": handler class " + definition.handlerClass()
                    + " is not on the classpath (add its module as a dependency of local/)", e);
        }
        if (!RequestHandler.class.isAssignableFrom(type)) {
            throw new FunctionLoadException(definition.logicalId() + ": " + definition.handlerClass()
                    + " does not implement com.amazonaws.services.lambda.runtime.RequestHandler");
        }
        if (!definition.handlerMethod().equals("handleRequest")) {
            throw new FunctionLoadException(definition.logicalId() + ": Handler " + definition.handler()
                    + " must name handleRequest (the RequestHandler method)");
        }
        RequestHandler<Object, Object> handler = LambdaEnvironment.runWith(environment, () -> construct(definition, type));
        return new LocalFunction(definition, environment, account.functionArn(definition.functionName()), handler);
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<Object, Object> construct(FunctionDef definition, Class<?> type) {
        try {
            return (RequestHandler<Object, Object>) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new FunctionLoadException(definition.logicalId() + ": " + type.getName()
                    + " needs a public no-arg constructor (Lambda calls it)", e);
        } catch (InvocationTargetException e) {
            throw new FunctionLoadException(definition.logicalId() + ": the constructor of " + type.getName()
                    + " failed (Lambda would report an init error): " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new FunctionLoadException(definition.logicalId() + ": cannot construct " + type.getName(), e);
        }
    }

    /** Runs the handler once; whatever it throws propagates (the caller decides what Lambda's caller sees). */
    @SuppressWarnings("unchecked")
    public <R> R invoke(Object event, String requestId) {
        Context context = new LocalContext(requestId, definition.functionName(), arn, definition.memorySizeMb(),
                definition.timeoutSeconds(), logStreamName);
        return (R) LambdaEnvironment.runWith(environment, () -> handler.handleRequest(event, context));
    }

    public FunctionDef definition() {
        return definition;
    }

    public String name() {
        return definition.logicalId();
    }

    public Map<String, String> environment() {
        return environment;
    }

    /** The function cannot start: missing class, wrong type, or its constructor failed. */
    public static final class FunctionLoadException extends RuntimeException {

        public FunctionLoadException(String message) {
            super(message);
        }

        public FunctionLoadException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
