package org.serverlessloyalty.local.template;

/**
 * One {@code Type: HttpApi} event: {@code Method} and {@code Path} as the template writes them
 * ({@code /api/{storeCode}/admin/giftCodes}), or the {@code $default} route when the event names no path.
 */
public record HttpRouteDef(String functionLogicalId, String eventName, String method, String path) {

    public static final String DEFAULT_ROUTE = "$default";
    public static final String ANY = "ANY";

    public boolean isDefaultRoute() {
        return DEFAULT_ROUTE.equals(path);
    }

    /** What API Gateway puts in {@code routeKey}: {@code POST /api/store} or {@code $default}. */
    public String routeKey() {
        return isDefaultRoute() ? DEFAULT_ROUTE : method + " " + path;
    }
}
