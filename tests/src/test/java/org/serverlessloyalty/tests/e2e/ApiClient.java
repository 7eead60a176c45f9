package org.serverlessloyalty.tests.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.serverlessloyalty.shared.platform.http.Json;

/** One way to call the API: over HTTP, or straight into the handlers. The journeys do not care which. */
public interface ApiClient {

    Response call(String method, String path, Map<String, String> headers, String body);

    record Response(int status, String body) {

        public JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }
    }
}
