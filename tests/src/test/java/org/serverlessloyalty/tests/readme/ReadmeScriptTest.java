package org.serverlessloyalty.tests.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The README convention: which blocks run, where statuses and answers are read, how placeholders are filled. */
class ReadmeScriptTest {

    private static final String README = """
            # Title

            ```bash skip-readme-test
            ./mvnw verify
            ```

            ```bash
            API=http://127.0.0.1:3000
            ADMIN=...        # the admin key
            ```

            ```bash
            curl -s -X POST $API/api/store -H "Authorization: Bearer $ADMIN" \\
              -d '{"code":"13","note":"# not a comment"}'
            # 201 {"code":"13",...,"apiKey":"sl_13_..."}   <- shown once
            KEY=sl_13_...   # "apiKey" of the answer above
            curl -s -X PUT $API/api/store/13 -d '{}'   # 204
            ```

            ```bash
            curl -s -X POST $API/api/giftCodes/validate/13 -H "X-Api-Key: $KEY" -d '{
              "code":"summer10"}'   # 200
            ```

            ```json
            {"canUse":true,"reason":null,"value":10}
            ```

            ```java
            curl("not shell");
            ```
            """;

    @Test
    void readsEachCurlsStatusFromItsTrailingCommentOrTheNextLine() {
        ReadmeScript script = ReadmeScript.parse(README, "http://127.0.0.1:9", "admin-9");

        assertThat(script.steps()).extracting(ReadmeScript.Step::line, ReadmeScript.Step::expectedStatus)
                .containsExactly(tuple(13, 201), tuple(17, 204), tuple(21, 200));
        assertThat(script.steps().get(0).expectations()).singleElement()
                .satisfies(e -> assertThat(e.fields()).extracting(ExpectedAnswer.Field::name).containsExactly("code", "apiKey"));
        assertThat(script.steps().get(1).expectations()).isEmpty();
        assertThat(script.steps().get(2).expectations()).singleElement()
                .satisfies(e -> assertThat(e.fields()).hasSize(3));
        assertThat(script.skipped()).extracting(ReadmeScript.Skipped::firstLine).containsExactly("./mvnw verify");
    }

    @Test
    void fillsTheStacksUrlAndAdminKeyAndKeysFromEarlierAnswers() {
        String bash = ReadmeScript.parse(README, "http://127.0.0.1:9", "admin-9").bash("/tmp/state");

        assertThat(bash).contains("API='http://127.0.0.1:9'\n", "ADMIN='admin-9'        # the admin key",
                "KEY=$(readme_field apiKey) || readme_fail",
                "readme_curl 1 201 1 '\"code\":\"13\"' -s -X POST $API/api/store", "readme_curl 2 204 0 -s -X PUT",
                "readme_curl 3 200 0 -s -X POST $API/api/giftCodes/validate/13")
                .doesNotContain("./mvnw verify", "curl(\"not shell\")");
    }

    @Test
    void aReadWaitsForTheFieldsItsAnswerShowsAsCompactJsonPatterns() {
        ExpectedAnswer answer = ExpectedAnswer.of("{\"points\":104,\"rate\":25.50,\"levelName\":\"Silver\","
                + "\"id\":\"...\"}", 1);
        List<String> patterns = answer.waitPatterns();

        assertThat(patterns).hasSize(3);
        assertThat("{\"points\":104.00,\"rate\":25.5,\"levelName\":\"Silver\"}")
                .containsPattern(java.util.regex.Pattern.compile(patterns.get(0)))
                .containsPattern(java.util.regex.Pattern.compile(patterns.get(1)))
                .containsPattern(java.util.regex.Pattern.compile(patterns.get(2)));
        assertThat("{\"points\":1040,\"rate\":25.51}").doesNotContainPattern(patterns.get(0))
                .doesNotContainPattern(patterns.get(1));
    }

    @Test
    void theWaitPatternsMeanTheSameToGrepAsToJava() throws Exception {
        List<String> patterns = ExpectedAnswer.of("{\"total\":1,\"points\":104,\"ok\":true,\"name\":\"a.b\"}", 1)
                .waitPatterns();
        java.nio.file.Path body = java.nio.file.Files.createTempFile("answer", ".json");
        java.nio.file.Files.writeString(body, "{\"items\":[{\"points\":104.00,\"ok\":true}],\"name\":\"a.b\",\"total\":1}");
        for (String pattern : patterns) {
            Process grep = new ProcessBuilder("grep", "-Eq", "--", pattern, body.toString()).start();
            assertThat(grep.waitFor()).as(pattern).isZero();
        }
        java.nio.file.Files.writeString(body, "{\"total\":10,\"points\":1040,\"ok\":false,\"name\":\"aXb\"}");
        for (String pattern : patterns) {
            Process grep = new ProcessBuilder("grep", "-Eq", "--", pattern, body.toString()).start();
            assertThat(grep.waitFor()).as(pattern).isEqualTo(1);
        }
    }

    @Test
    void refusesACurlWithoutADocumentedStatus() {
        assertThatThrownBy(() -> ReadmeScript.parse("```bash\ncurl -s $API/api/\n# the name\n```\n", "u", "k"))
                .hasMessageContaining("README line 2").hasMessageContaining("documents no status");
    }

    @Test
    void refusesAPlaceholderThatDoesNotNameItsField() {
        assertThatThrownBy(() -> ReadmeScript.parse("```bash\nKEY=sl_13_...   # the key\n```\n", "u", "k"))
                .hasMessageContaining("KEY=sl_13_...").hasMessageContaining("quote the answer's field");
    }

    @Test
    void refusesAnUnknownFenceAndASkippedBlockThatCallsTheApi() {
        assertThatThrownBy(() -> ReadmeScript.parse("```bash deploy\naws ssm put-parameter\n```\n", "u", "k"))
                .hasMessageContaining(ReadmeScript.SKIP_MARKER);
        assertThatThrownBy(() -> ReadmeScript.parse("```bash skip-readme-test\ncurl -s $API/api/ # 200\n```\n", "u", "k"))
                .hasMessageContaining("examples of the API must run");
    }

    @Test
    void refusesACurlThatIsNotAtTheStartOfItsCommand() {
        assertThatThrownBy(() -> ReadmeScript.parse("```bash\nX=$(curl -s $API/api/)   # 200\n```\n", "u", "k"))
                .hasMessageContaining("put each curl at the start");
    }

    @Test
    void expectedFieldsMatchAnywhereAndDotsMatchAnyText() {
        ExpectedAnswer expected = ExpectedAnswer.of("{\"code\":\"13\",...,\"apiKey\":\"sl_13_...\",\"n\":10,\"x\":null}", 1);

        assertThat(expected.mismatches("{\"code\":\"13\",\"apiKey\":\"sl_13_abc\",\"n\":10.0,\"x\":null}")).isEmpty();
        assertThat(expected.mismatches("{\"store\":{\"code\":\"13\"},\"apiKey\":\"sl_13_\",\"n\":10,\"x\":null}")).isEmpty();
        assertThat(expected.mismatches("{\"code\":\"14\",\"apiKey\":\"sl_14_abc\",\"n\":11,\"x\":1}"))
                .containsExactly("no \"code\":\"13\" in the answer", "no \"apiKey\":\"sl_13_...\" in the answer",
                        "no \"n\":10 in the answer", "no \"x\":null in the answer");
        assertThat(ExpectedAnswer.of("{\"canUse\":true}", 1).mismatches("{\"canUse\":false,\"reason\":\"EXPIRED\"}"))
                .isNotEmpty();
        assertThat(ExpectedAnswer.of("{\"canUse\":true}", 1).mismatches("HTTP/1.1 200")).containsExactly(
                "the answer is not JSON: HTTP/1.1 200");
        assertThat(ExpectedAnswer.of("without the secret", 1).mismatches("anything")).isEqualTo(List.of());
    }
}
