package org.serverlessloyalty.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.template.FunctionDef;
import org.serverlessloyalty.local.template.LocalAccount;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;

class LocalFunctionTest {

    private static final LocalAccount ACCOUNT = LocalAccount.of(URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:2"));

    private static FunctionDef definition(String handlerClass, String method) {
        return new FunctionDef("ProbeFunction", "ProbeFunction", handlerClass, method, "java21", 29, 1024,
                Map.of("PROBE", "from-template"), List.of(), List.of());
    }

    private static LocalFunction load(String handlerClass, String method, Map<String, String> extra) {
        FunctionDef definition = definition(handlerClass, method);
        Map<String, String> env = FunctionEnvironment.of(definition, ACCOUNT,
                Map.of("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000"), extra);
        return LocalFunction.load(definition, env, ACCOUNT, LocalFunctionTest.class.getClassLoader());
    }

    @Test
    void constructsAndInvokesInsideTheFunctionsEnvironment() {
        LocalFunction function = load(EnvironmentProbeHandler.class.getName(), "handleRequest", Map.of());
        Map<String, Object> seen = function.invoke(Map.of(), "req-42");
        assertThat(seen).containsEntry("constructed", "from-template").containsEntry("invoked", "from-template");
        assertThat(LambdaEnvironment.runWith(Map.of(), () -> LambdaEnvironment.get("PROBE"))).isEmpty();
    }

    @Test
    void givesAContextLikeLambdas() {
        Map<String, Object> seen = load(EnvironmentProbeHandler.class.getName(), "handleRequest", Map.of())
                .invoke(Map.of(), "req-42");
        assertThat(seen).containsEntry("functionName", "ProbeFunction")
                .containsEntry("requestId", "req-42")
                .containsEntry("memory", 1024)
                .containsEntry("arn", "arn:aws:lambda:us-east-1:000000000000:function:ProbeFunction")
                .containsEntry("logGroup", "/aws/lambda/ProbeFunction")
                .containsEntry("version", "$LATEST");
        assertThat((Integer) seen.get("remaining")).isBetween(28_000, 29_000);
    }

    @Test
    void layersLambdaVariablesEndpointsAndExtras() {
        FunctionDef definition = definition(EnvironmentProbeHandler.class.getName(), "handleRequest");
        Map<String, String> env = FunctionEnvironment.of(definition, ACCOUNT,
                Map.of("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000", "ADMIN_API_KEY", "k"),
                Map.of("PROBE", "from-env-flag", "EXTRA", "1"));
        assertThat(env).containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_ACCESS_KEY_ID", FunctionEnvironment.ACCESS_KEY_ID)
                .containsEntry("AWS_SECRET_ACCESS_KEY", FunctionEnvironment.SECRET_ACCESS_KEY)
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "ProbeFunction")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024")
                .containsEntry("AWS_SAM_LOCAL", "true")
                .containsEntry("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000")
                .containsEntry("ADMIN_API_KEY", "k")
                .containsEntry("PROBE", "from-env-flag")
                .containsEntry("EXTRA", "1");
    }

    @Test
    void propagatesWhatTheHandlerThrows() {
        LocalFunction function = load(EnvironmentProbeHandler.class.getName(), "handleRequest", Map.of());
        assertThatThrownBy(() -> function.invoke(Map.of("fail", "boom"), "r")).hasMessage("boom");
    }

    @Test
    void explainsWhyAHandlerCannotBeLoaded() {
        assertThatThrownBy(() -> load("com.example.Missing", "handleRequest", Map.of()))
                .isInstanceOf(LocalFunction.FunctionLoadException.class).hasMessageContaining("not on the classpath");
        assertThatThrownBy(() -> load(String.class.getName(), "handleRequest", Map.of()))
                .hasMessageContaining("does not implement");
        assertThatThrownBy(() -> load(EnvironmentProbeHandler.class.getName(), "process", Map.of()))
                .hasMessageContaining("must name handleRequest");
        assertThatThrownBy(() -> load(NoDefaultConstructorHandler.class.getName(), "handleRequest", Map.of()))
                .hasMessageContaining("public no-arg constructor");
    }
}
