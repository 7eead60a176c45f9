package org.serverlessloyalty.admin.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.testing.ApiEvents;

class ConsoleAssetsTest {

    private final ConsoleAssets assets = new ConsoleAssets();

    private static ApiRequest file(String path) {
        return new ApiRequest(ApiEvents.route("GET /console/{proxy+}", path).build());
    }

    @Test
    void theBareAddressAndTheEmptyPathAreThePage() {
        ApiResponse bare = assets.serve(new ApiRequest(ApiEvents.route("GET /console").build()));
        ApiResponse slash = assets.serve(file(""));

        assertThat(bare.status()).isEqualTo(200);
        assertThat(((ApiResponse.Text) bare.body()).contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(((ApiResponse.Text) bare.body()).text()).contains("<main id=\"main\"");
        assertThat(slash.body()).isEqualTo(bare.body());
    }

    @Test
    void everyAnswerCarriesThePolicyAndItsVersion() {
        ApiResponse script = assets.serve(file("js/app.js"));

        assertThat(script.headers()).containsEntry("Content-Security-Policy", ConsoleAssets.CSP)
                .containsEntry("X-Content-Type-Options", "nosniff").containsKey("ETag");
        assertThat(script.toEvent().getHeaders()).containsEntry("Content-Type", "text/javascript; charset=utf-8");
    }

    @Test
    void aMatchingETagAnswers304WithoutABody() {
        String etag = assets.serve(file("console.css")).headers().get("ETag");

        ApiResponse again = assets.serve(new ApiRequest(ApiEvents.route("GET /console/{proxy+}", "console.css")
                .header("If-None-Match", etag).build()));

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isNull();
        assertThat(again.toEvent().getHeaders()).doesNotContainKey("Content-Type");
    }

    @Test
    void onlyPlainNamesOfServedTypesInsideTheConsoleAreServed() {
        for (String path : new String[] {"../serverless-loyalty.properties", "js/../../x.js", ".hidden.js",
                "js/pages/README.md", "nothing.js", "js//app.js", "/etc/passwd", "index.html/"}) {
            assertThatThrownBy(() -> assets.serve(file(path))).as(path)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        }
    }
}
