package org.serverlessloyalty.tests.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.http.ApiDocs;
import org.serverlessloyalty.local.http.RouteTable;
import org.serverlessloyalty.local.template.HttpRouteDef;
import org.serverlessloyalty.tests.template.CloudFormationYaml;
import org.serverlessloyalty.tests.template.TemplateModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/openapi.yaml and template.yaml list the same routes, both ways, and each operation is named after its
 * template event (which names its events/ file). The local stack's own pages (/openapi.yaml, /docs) are in
 * neither: they are not part of the deployed API, and no template route may take their paths.
 */
class RouteContractTest {

    private final TemplateModel template = new TemplateModel(CloudFormationYaml.loadTemplate());
    private final OpenApiContract contract = OpenApiContract.ofRepository();

    @Test
    void everyTemplateRouteIsDocumentedAndEveryDocumentedRouteIsInTheTemplate() {
        Set<String> templateRoutes = new TreeSet<>();
        template.routes().forEach(r -> templateRoutes.add(r.routeKey()));
        assertThat(templateRoutes).isNotEmpty();

        assertThat(missing(templateRoutes, contract.routeKeys()))
                .as("template routes that docs/openapi.yaml does not document").isEmpty();
        assertThat(missing(contract.routeKeys(), templateRoutes))
                .as("documented routes that template.yaml does not declare").isEmpty();
    }

    @Test
    void eachOperationIsNamedAfterItsTemplateEvent() {
        Map<String, String> expected = new TreeMap<>();
        template.routes().forEach(r -> expected.put(r.routeKey(), r.event()));
        Map<String, String> documented = new TreeMap<>();
        contract.operations().forEach(o -> documented.put(o.routeKey(), o.operationId()));
        assertThat(documented).isEqualTo(expected);
    }

    @Test
    void theLocalStacksOwnPagesAreNeitherTemplateRoutesNorDocumentedNorShadowedByOne() {
        List<HttpRouteDef> routes = new ArrayList<>();
        template.routes().forEach(r -> routes.add(new HttpRouteDef(r.function(), r.event(), r.method(), r.path())));
        RouteTable table = new RouteTable(routes);
        for (String local : ApiDocs.ROUTES) {
            String method = local.substring(0, local.indexOf(' '));
            String path = local.substring(local.indexOf(' ') + 1).replace("{file}", "swagger-ui.css");
            assertThat(table.match(method, path)).as(local + " must not be taken by a template route").isEmpty();
            assertThat(contract.operation(method, path)).as(local + " is not part of the API contract").isEmpty();
            assertThat(ApiDocs.serves(method, path)).as(local).isTrue();
            // The contract lets the local pages through without pretending they are API routes.
            assertThat(contract.responseProblems(method, path, 200, "<html></html>")).isEmpty();
        }
    }

    private static Set<String> missing(Set<String> from, Set<String> in) {
        Set<String> missing = new TreeSet<>(from);
        missing.removeAll(in);
        return missing;
    }
}
