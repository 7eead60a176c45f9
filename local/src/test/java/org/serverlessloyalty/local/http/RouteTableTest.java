package org.serverlessloyalty.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.TestTemplates;
import org.serverlessloyalty.local.template.HttpRouteDef;
import org.serverlessloyalty.local.template.LocalAccount;
import org.serverlessloyalty.local.template.StackModel;
import org.serverlessloyalty.local.template.Template;

class RouteTableTest {

    private static HttpRouteDef route(String method, String path) {
        return new HttpRouteDef("F", method + path, method, path);
    }

    private static RouteTable realRoutes() {
        StackModel model = StackModel.resolve(Template.read(TestTemplates.realTemplate()), Map.of(),
                LocalAccount.of(URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:2")));
        return new RouteTable(model.routes());
    }

    private static String routeKey(Optional<RouteTable.Match> match) {
        return match.map(m -> m.route().routeKey()).orElse("404");
    }

    @Test
    void routesTheRealTemplatesPathsToTheirRouteKeys() {
        RouteTable routes = realRoutes();
        assertThat(routeKey(routes.match("GET", "/api"))).isEqualTo("GET /api");
        assertThat(routeKey(routes.match("GET", "/api/healthcheck"))).isEqualTo("GET /api/healthcheck");
        assertThat(routeKey(routes.match("GET", "/api/store"))).isEqualTo("GET /api/store");
        assertThat(routeKey(routes.match("POST", "/api/store/demo/api-key/rotate")))
                .isEqualTo("POST /api/store/{storeCode}/api-key/rotate");
        assertThat(routeKey(routes.match("GET", "/api/demo/admin/giftCodes/WELCOME10")))
                .isEqualTo("GET /api/{storeCode}/admin/giftCodes/{code}");
        assertThat(routes.match("POST", "/api/giftCodes/validate/demo").orElseThrow().route().functionLogicalId())
                .isEqualTo("GiftCodeValidateFunction");
    }

    @Test
    void bindsPathParameters() {
        var match = realRoutes().match("GET", "/api/demo/admin/giftCodes/WELCOME10").orElseThrow();
        assertThat(match.pathParameters()).containsExactly(Map.entry("storeCode", "demo"), Map.entry("code", "WELCOME10"));
    }

    @Test
    void decodesPathParameters() {
        var match = realRoutes().match("GET", "/api/demo/admin/giftCodes/A%20B%2FC+D").orElseThrow();
        assertThat(match.pathParameters()).containsEntry("code", "A B/C+D");
    }

    @Test
    void ignoresATrailingSlash() {
        RouteTable routes = realRoutes();
        assertThat(routeKey(routes.match("GET", "/api/"))).isEqualTo("GET /api");
        assertThat(routeKey(routes.match("GET", "/api/store/demo/"))).isEqualTo("GET /api/store/{storeCode}");
    }

    @Test
    void answersNotFoundForUnknownPathsAndMethods() {
        RouteTable routes = realRoutes();
        assertThat(routes.match("GET", "/")).isEmpty();
        assertThat(routes.match("GET", "/api/nothing/here/at/all/really")).isEmpty();
        assertThat(routes.match("DELETE", "/api/store")).isEmpty();
        assertThat(routes.match("get", "/api")).isEmpty();
        assertThat(routes.match("GET", "/API")).isEmpty();
    }

    @Test
    void preferstheRouteWithMoreLiteralSegments() {
        RouteTable routes = new RouteTable(List.of(route("GET", "/api/{a}/{b}"), route("GET", "/api/store/{code}")));
        assertThat(routeKey(routes.match("GET", "/api/store/x"))).isEqualTo("GET /api/store/{code}");
        assertThat(routeKey(routes.match("GET", "/api/other/x"))).isEqualTo("GET /api/{a}/{b}");
    }

    @Test
    void prefersTheEarlierLiteralWhenLiteralCountsTie() {
        RouteTable routes = new RouteTable(List.of(route("GET", "/api/{storeCode}/admin"), route("GET", "/api/store/{x}")));
        assertThat(routeKey(routes.match("GET", "/api/store/admin"))).isEqualTo("GET /api/store/{x}");
        assertThat(routeKey(routes.match("GET", "/api/shop/admin"))).isEqualTo("GET /api/{storeCode}/admin");
    }

    @Test
    void prefersExactRoutesToGreedyOnesAndMethodsToAny() {
        RouteTable routes = new RouteTable(List.of(
                route("ANY", "/files/{path+}"), route("GET", "/files/{path+}"), route("GET", "/files/readme"),
                route("ANY", "/files/readme")));
        assertThat(routeKey(routes.match("GET", "/files/readme"))).isEqualTo("GET /files/readme");
        assertThat(routeKey(routes.match("PUT", "/files/readme"))).isEqualTo("ANY /files/readme");
        assertThat(routeKey(routes.match("GET", "/files/a/b/c"))).isEqualTo("GET /files/{path+}");
        assertThat(routes.match("GET", "/files/a/b/c").orElseThrow().pathParameters()).containsEntry("path", "a/b/c");
        assertThat(routeKey(routes.match("DELETE", "/files/a"))).isEqualTo("ANY /files/{path+}");
        assertThat(routes.match("GET", "/files")).isEmpty();
    }

    @Test
    void fallsBackToTheDefaultRoute() {
        RouteTable routes = new RouteTable(List.of(
                new HttpRouteDef("F", "Default", HttpRouteDef.ANY, HttpRouteDef.DEFAULT_ROUTE), route("GET", "/x")));
        assertThat(routeKey(routes.match("GET", "/x"))).isEqualTo("GET /x");
        assertThat(routeKey(routes.match("POST", "/anything/else"))).isEqualTo("$default");
    }
}
