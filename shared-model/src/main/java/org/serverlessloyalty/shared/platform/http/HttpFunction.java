package org.serverlessloyalty.shared.platform.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * The single place where an API Gateway event becomes a route call and where every failure becomes
 * the API's error shape: handlers stay thin and no stack trace ever reaches a client.
 */
public final class HttpFunction {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFunction.class);

    private HttpFunction() {
    }

    /** The metric counted once per 5xx answer, with the function's {@code Service} as its only dimension. */
    public static final String SERVER_ERRORS_METRIC = "ServerErrors";

    /**
     * Runs {@code route} and maps what it answers or throws. Every 5xx answer, whatever produced it, is counted
     * in {@link #SERVER_ERRORS_METRIC}: the function returns it as a response, so Lambda's own {@code Errors}
     * metric never sees it, and this count is what the functions' alarms watch.
     */
    public static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context, BusinessMetrics metrics,
                                                 Function<ApiRequest, ApiResponse> route) {
        if (context == null) {
            return counted(invoke(event, route), metrics);
        }
        return PowertoolsLogging.withLogging(context, () -> counted(invoke(event, route), metrics));
    }

    private static APIGatewayV2HTTPResponse counted(APIGatewayV2HTTPResponse response, BusinessMetrics metrics) {
        if (response.getStatusCode() >= 500) {
            try {
                metrics.count(SERVER_ERRORS_METRIC, 1);
            } catch (RuntimeException e) {
                // The answer is already decided; a failing metrics sink must not turn it into a Lambda error.
                LOG.warn("Could not count the 5xx answer", entry("status", response.getStatusCode()), e);
            }
        }
        return response;
    }

    /** Answer in the scheme the client used: CitrusAd clients send {@code Basic}, everyone else a bearer or key. */
    private static String challenge(ApiRequest request) {
        boolean basic = request.header("authorization").filter(h -> h.regionMatches(true, 0, "Basic ", 0, 6)).isPresent();
        return basic ? "Basic realm=\"serverless-loyalty\"" : "Bearer";
    }

    private static APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event, Function<ApiRequest, ApiResponse> route) {
        ApiRequest request = new ApiRequest(event);
        try {
            return route.apply(request).toEvent();
        } catch (ApiException e) {
            if (e.status() >= 500) {
                LOG.error("Request failed", entry("route", request.routeKey()), entry("code", e.code()));
            } else {
                LOG.info("Request refused", entry("route", request.routeKey()), entry("status", e.status()),
                        entry("code", e.code()));
            }
            Map<String, String> headers = e.status() == 401 ? Map.of("WWW-Authenticate", challenge(request)) : Map.of();
            return new ApiResponse(e.status(), ErrorBody.of(e, request.requestId())).toEvent(headers);
        } catch (SdkException e) {
            LOG.error("Dependency failure", entry("route", request.routeKey()), entry("requestId", request.requestId()), e);
            var body = new ErrorBody(503, "DEPENDENCY_UNAVAILABLE",
                    "A backing service did not answer; retry later and quote the requestId", List.of(), request.requestId());
            return new ApiResponse(503, body).toEvent(Map.of("Retry-After", "1"));
        } catch (RuntimeException e) {
            // The correlation id lets ops find this log line; the client never sees internals.
            LOG.error("Unhandled failure", entry("route", request.routeKey()), entry("requestId", request.requestId()), e);
            var body = new ErrorBody(500, "INTERNAL_ERROR", "The request could not be completed; quote the requestId",
                    List.of(), request.requestId());
            return new ApiResponse(500, body).toEvent();
        }
    }
}
