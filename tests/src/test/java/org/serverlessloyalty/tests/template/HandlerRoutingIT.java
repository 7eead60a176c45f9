package org.serverlessloyalty.tests.template;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.testing.ApiEvents;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.tests.contract.OpenApiContract;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every HttpApi event of template.yaml reaches a route of its handler (no "Route ... was not found"), and the
 * handler's answer is one docs/openapi.yaml documents.
 */
class HandlerRoutingIT {

    private final TemplateModel template = new TemplateModel(CloudFormationYaml.loadTemplate());

    @Test
    @SuppressWarnings("unchecked")
    void everyApiEventIsRoutedByTheHandlerTheTemplateNames() throws Exception {
        LocalTable table = LocalTable.create();
        for (TemplateModel.Route route : template.routes()) {
            var function = template.functions().stream().filter(f -> f.logicalId().equals(route.function()))
                    .findFirst().orElseThrow();
            var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) table.lambdaHandler(() -> {
                try {
                    return Class.forName(function.handlerClass()).getConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }, Map.of("ADMIN_API_KEY", "k", "ORDER_QUEUE_URL", "http://127.0.0.1:9/queue/never-reached.fifo"));
            String[] values = route.path().chars().filter(c -> c == '{').mapToObj(c -> "x").toArray(String[]::new);
            var response = handler.handleRequest(ApiEvents.route(route.routeKey(), values).bearer("k").build(), null);
            assertThat(response.getBody() == null ? "" : response.getBody()).as(route.routeKey())
                    .doesNotContain("Route " + route.routeKey());
            assertThat(response.getStatusCode()).as(route.routeKey()).isLessThan(500);
            OpenApiContract.assertResponseMatches(route.method(), route.path(), response.getStatusCode(), response.getBody());
        }
    }

    @Test
    void anUndeclaredRouteIsRefusedByTheAdminHandler() {
        LocalTable table = LocalTable.create();
        var handler = table.lambdaHandler(org.serverlessloyalty.admin.AdminHandler::new, Map.of("ADMIN_API_KEY", "k"));
        var response = handler.handleRequest(ApiEvents.route("DELETE /api/store/{storeCode}", "x").bearer("k").build(), null);
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).contains("Route DELETE /api/store/{storeCode}");
    }
}
