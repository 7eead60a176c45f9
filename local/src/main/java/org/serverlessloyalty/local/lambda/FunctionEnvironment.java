package org.serverlessloyalty.local.lambda;

import java.util.LinkedHashMap;
import java.util.Map;
import org.serverlessloyalty.local.template.FunctionDef;
import org.serverlessloyalty.local.template.LocalAccount;

/**
 * The variables a function sees, in the order they are layered:
 * <ol>
 *   <li>its template environment ({@code Globals.Function} merged under its own {@code Environment.Variables});</li>
 *   <li>what Lambda itself sets: region, credentials (dummy values here), function name, memory size; and
 *       {@code AWS_SAM_LOCAL=true}, which Lambda never sets: the function runs locally;</li>
 *   <li>the local endpoints ({@code DYNAMODB_ENDPOINT}, {@code SQS_ENDPOINT}) and {@code ADMIN_API_KEY}
 *       (locally the key is given directly instead of the SSM parameter the template names);</li>
 *   <li>the {@code --env KEY=VALUE} extras.</li>
 * </ol>
 */
public final class FunctionEnvironment {

    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local";

    private FunctionEnvironment() {
    }

    public static Map<String, String> of(FunctionDef function, LocalAccount account, Map<String, String> localEndpoints,
                                         Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>(function.environment());
        env.put("AWS_REGION", account.region());
        env.put("AWS_DEFAULT_REGION", account.region());
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.functionName());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memorySizeMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.functionName());
        // Says "not on AWS", as SAM CLI's local invoke does; e.g. webhooks may reach loopback receivers only here.
        env.put("AWS_SAM_LOCAL", "true");
        if (function.runtime() != null) {
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        }
        env.putAll(localEndpoints);
        env.putAll(extra);
        return env;
    }
}
