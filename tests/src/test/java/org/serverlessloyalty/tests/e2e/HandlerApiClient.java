package org.serverlessloyalty.tests.e2e;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.tests.contract.OpenApiContract;
import org.serverlessloyalty.tests.template.CloudFormationYaml;
import org.serverlessloyalty.tests.template.TemplateModel;

/**
 * Calls the handlers template.yaml declares, in this JVM, with the environment given: for running
 * the journeys against a DynamoDB that is not ours (LocalStack). Every answer is checked against docs/openapi.yaml.
 */
public final class HandlerApiClient implements ApiClient {

    private record Bound(TemplateModel.Route route, Pattern pattern,
                         RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    }

    private final List<Bound> routes = new ArrayList<>();

    @SuppressWarnings("unchecked")
    public HandlerApiClient(Map<String, String> environment) {
        TemplateModel template = new TemplateModel(CloudFormationYaml.loadTemplate());
        Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers = new HashMap<>();
        for (TemplateModel.Route route : template.routes()) {
            var function = template.functions().stream().filter(f -> f.logicalId().equals(route.function()))
                    .findFirst().orElseThrow();
            var handler = handlers.computeIfAbsent(function.logicalId(), id -> LambdaEnvironment.runWith(environment, () -> {
                try {
                    return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                            Class.forName(function.handlerClass()).getConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }));
            String regex = route.path().replaceAll("\\{[^}]+}", "([^/]+)");
            routes.add(new Bound(route, Pattern.compile(regex), handler));
        }
        // Literal segments win over parameters, as in API Gateway.
        routes.sort((a, b) -> Long.compare(literalSegments(b.route().path()), literalSegments(a.route().path())));
    }

    private static long literalSegments(String path) {
        return java.util.Arrays.stream(path.split("/")).filter(s -> !s.startsWith("{")).count();
    }

    @Override
    public Response call(String method, String path, Map<String, String> headers, String body) {
        for (Bound bound : routes) {
            Matcher m = bound.pattern().matcher(path);
            if (bound.route().method().equals(method) && m.matches()) {
                String[] values = new String[m.groupCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = m.group(i + 1);
                }
                ApiEvents event = ApiEvents.route(bound.route().routeKey(), values);
                headers.forEach(event::header);
                if (body != null) {
                    event.body(body);
                }
                var response = bound.handler().handleRequest(event.build(), null);
                OpenApiContract.assertResponseMatches(method, path, response.getStatusCode(), response.getBody());
                return new Response(response.getStatusCode(), response.getBody());
            }
        }
        return new Response(404, "{\"message\":\"Not Found\"}");
    }
}
