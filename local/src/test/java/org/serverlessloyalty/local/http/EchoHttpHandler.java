package org.serverlessloyalty.local.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;

/**
 * Test HTTP handler: answers with the event it received as JSON. Query parameters steer the response:
 * {@code binary} answers base64-encoded bytes, {@code status=N} sets the status, and with {@code FAIL} in the
 * environment it throws.
 */
public final class EchoHttpHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        if (LambdaEnvironment.get("FAIL").isPresent()) {
            throw new IllegalStateException("FailingFunction fails, as scripted");
        }
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        if (query.containsKey("binary")) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                    .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, (byte) 0xff}))
                    .withIsBase64Encoded(true).build();
        }
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(Integer.parseInt(query.getOrDefault("status", "200")))
                    .withHeaders(Map.of("Content-Type", "application/json", "X-Function", context.getFunctionName()))
                    .withMultiValueHeaders(Map.of("X-Multi", List.of("one", "two")))
                    .withCookies(List.of("session=abc; Path=/", "theme=dark"))
                    .withBody(JSON.writeValueAsString(Map.of(
                            "event", event,
                            "apiId", LambdaEnvironment.get("API_ID").orElse(""),
                            "remaining", context.getRemainingTimeInMillis())))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
