package org.serverlessloyalty.tests.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

import static org.assertj.core.api.Assertions.assertThat;

/** The journeys over real HTTP against the local stack, started from template.yaml as a user starts it. */
class GiftCodeJourneyIT extends GiftCodeJourney {

    private static LocalStack stack;
    private static ApiClient api;

    @BeforeAll
    static void startStack() {
        stack = LocalStack.start(LocalStack.Options.defaults()
                .port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey("journey-admin-key"));
        api = new HttpApiClient(stack.baseUri());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    protected ApiClient api() {
        return api;
    }

    @Override
    protected String adminKey() {
        return stack.adminKey();
    }

    @Test
    void theBannersCurlValidatesADemoCode() {
        Matcher curl = Pattern.compile("curl .*?-H 'X-Api-Key: ([^']+)'.*?-d '(\\{.*?})'", Pattern.DOTALL)
                .matcher(stack.banner());
        assertThat(curl.find()).as(stack.banner()).isTrue();
        var demo = stack.demoStore().orElseThrow();
        var response = api.call("POST", "/api/giftCodes/validate/" + demo.code(),
                Map.of("X-Api-Key", curl.group(1), "Content-Type", "application/json"), curl.group(2));
        JsonNode answer = response.json();
        assertThat(answer.get("canUse").asBoolean()).as(response.body()).isTrue();
    }

    @Test
    void unknownRoutesAnswer404LikeApiGateway() {
        assertThat(api.call("GET", "/api/nothing/here", Map.of(), null).status()).isEqualTo(404);
    }
}
