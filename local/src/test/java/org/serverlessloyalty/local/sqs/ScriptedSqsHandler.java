package org.serverlessloyalty.local.sqs;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;

/**
 * Test SQS consumer: records every batch it receives (by function name) and answers as the test scripts
 * it. Without a script it succeeds.
 */
public final class ScriptedSqsHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** What one invocation saw. */
    public record Invocation(List<SQSEvent.SQSMessage> messages, Map<String, String> environment) {
    }

    public static final Map<String, List<Invocation>> INVOCATIONS = new ConcurrentHashMap<>();
    /** (event, invocation number starting at 1) -> response; may throw. */
    public static final Map<String, BiFunction<SQSEvent, Integer, SQSBatchResponse>> SCRIPTS = new ConcurrentHashMap<>();

    private static final List<String> WATCHED = List.of("SHARED", "OVERRIDDEN", "QUEUE_URL", "DLQ_NAME", "AWS_REGION",
            "AWS_LAMBDA_FUNCTION_NAME", "DYNAMODB_ENDPOINT", "SQS_ENDPOINT", "ADMIN_API_KEY", "EXTRA_FROM_TEST");

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        Map<String, String> environment = new ConcurrentHashMap<>();
        WATCHED.forEach(name -> LambdaEnvironment.get(name).ifPresent(value -> environment.put(name, value)));
        List<Invocation> invocations = INVOCATIONS.computeIfAbsent(context.getFunctionName(), k -> new CopyOnWriteArrayList<>());
        invocations.add(new Invocation(List.copyOf(event.getRecords()), environment));
        var script = SCRIPTS.get(context.getFunctionName());
        return script == null ? SQSBatchResponse.builder().withBatchItemFailures(List.of()).build()
                : script.apply(event, invocations.size());
    }
}
