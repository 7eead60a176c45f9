package org.serverlessloyalty.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;

/** Test handler: reports what it saw at construction and at invocation. */
public final class EnvironmentProbeHandler implements RequestHandler<Map<String, String>, Map<String, Object>> {

    private final String probeAtConstruction;

    public EnvironmentProbeHandler() {
        this.probeAtConstruction = LambdaEnvironment.get("PROBE").orElse("<unset>");
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, String> event, Context context) {
        if (event.containsKey("fail")) {
            throw new IllegalStateException(event.get("fail"));
        }
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("constructed", probeAtConstruction);
        seen.put("invoked", LambdaEnvironment.get("PROBE").orElse("<unset>"));
        seen.put("functionName", context.getFunctionName());
        seen.put("requestId", context.getAwsRequestId());
        seen.put("memory", context.getMemoryLimitInMB());
        seen.put("remaining", context.getRemainingTimeInMillis());
        seen.put("arn", context.getInvokedFunctionArn());
        seen.put("logGroup", context.getLogGroupName());
        seen.put("version", context.getFunctionVersion());
        context.getLogger().log("probe invoked");
        return seen;
    }
}
