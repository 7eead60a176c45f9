package org.serverlessloyalty.tests.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.serverlessloyalty.tests.contract.OpenApiContract;

/** Real HTTP to a running API (the local stack); every answer is checked against docs/openapi.yaml. */
public final class HttpApiClient implements ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    public HttpApiClient(URI base) {
        this.base = base;
    }

    @Override
    public Response call(String method, String path, Map<String, String> headers, String body) {
        var request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            OpenApiContract.assertResponseMatches(method, path, response.statusCode(), response.body());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
