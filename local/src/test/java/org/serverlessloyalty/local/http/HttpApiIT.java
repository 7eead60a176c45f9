package org.serverlessloyalty.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.local.TestTemplates;

/** The API Gateway emulation end to end, with the echo function of templates/http-echo.yaml. */
class HttpApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0).seedDemo(false).accessLog(false)
                .adminKey("unused").templatePath(TestTemplates.testTemplate("http-echo.yaml")));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI uri(String pathAndQuery) {
        return stack.baseUri().resolve(pathAndQuery);
    }

    @Test
    void deliversThePayload2EventToTheRoutesFunction() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/items/42?tag=a&tag=b"))
                .header("Content-Type", "application/json").header("X-Custom", "v")
                .header("Cookie", "a=1; b=2")
                .POST(HttpRequest.BodyPublishers.ofString("{\"hello\":\"world\"}")));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        JsonNode event = body.get("event");
        assertThat(event.get("version").asText()).isEqualTo("2.0");
        assertThat(event.get("routeKey").asText()).isEqualTo("POST /items/{id}");
        assertThat(event.get("rawPath").asText()).isEqualTo("/items/42");
        assertThat(event.get("rawQueryString").asText()).isEqualTo("tag=a&tag=b");
        assertThat(event.get("queryStringParameters").get("tag").asText()).isEqualTo("a,b");
        assertThat(event.get("pathParameters").get("id").asText()).isEqualTo("42");
        assertThat(event.get("headers").get("x-custom").asText()).isEqualTo("v");
        assertThat(event.get("headers").has("cookie")).isFalse();
        assertThat(event.get("cookies")).hasSize(2);
        assertThat(event.get("body").asText()).isEqualTo("{\"hello\":\"world\"}");
        assertThat(event.get("requestContext").get("requestId").asText())
                .isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
        assertThat(event.get("requestContext").get("http").get("method").asText()).isEqualTo("POST");
        assertThat(body.get("apiId").asText()).isEqualTo("local");
        assertThat(body.get("remaining").asInt()).isBetween(9_000, 10_000);
    }

    @Test
    void writesHeadersMultiValueHeadersAndCookiesBack() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/items/special?status=201")).PUT(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("x-function")).contains("EchoFunction");
        assertThat(response.headers().allValues("x-multi")).containsExactly("one", "two");
        assertThat(response.headers().allValues("set-cookie")).containsExactlyInAnyOrder("session=abc; Path=/", "theme=dark");
        assertThat(JSON.readTree(response.body()).get("event").get("routeKey").asText()).isEqualTo("ANY /items/special");
    }

    @Test
    void encodesBinaryRequestBodiesAndDecodesBinaryResponses() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xfe};
        var echoed = send(HttpRequest.newBuilder(uri("/items/7")).header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        JsonNode event = JSON.readTree(echoed.body()).get("event");
        assertThat(event.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(event.get("body").asText())).isEqualTo(bytes);

        var binary = send(HttpRequest.newBuilder(uri("/items/7?binary")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(binary.body()).containsExactly(1, 2, 3, (byte) 0xff);
    }

    @Test
    void matchesGreedyPathsAndTrailingSlashes() throws Exception {
        var greedy = send(HttpRequest.newBuilder(uri("/files/a/b/c.txt")).GET());
        assertThat(JSON.readTree(greedy.body()).get("event").get("pathParameters").get("path").asText()).isEqualTo("a/b/c.txt");
        var slash = send(HttpRequest.newBuilder(uri("/items/9/")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(slash.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(slash.body()).get("event").get("rawPath").asText()).isEqualTo("/items/9/");
    }

    @Test
    void answersLikeApiGatewayWhenNoRouteMatches() throws Exception {
        var unknown = send(HttpRequest.newBuilder(uri("/nothing")).GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body())).isEqualTo("{\"message\":\"Not Found\"}");
        var wrongMethod = send(HttpRequest.newBuilder(uri("/items/1")).GET());
        assertThat(wrongMethod.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.headers().firstValue("apigw-requestid")).isPresent();
    }

    @Test
    void answers500WhenTheFunctionThrows() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/fail")).GET());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(new String(response.body())).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void refusesBodiesAboveTenMegabytes() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/items/1")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[ApiGatewayServer.MAX_REQUEST_BYTES + 1])));
        assertThat(response.statusCode()).isEqualTo(413);
    }
}
