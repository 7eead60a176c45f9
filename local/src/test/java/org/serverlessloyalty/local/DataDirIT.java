package org.serverlessloyalty.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.serverlessloyalty.local.seed.DemoSeeder;
import org.serverlessloyalty.local.seed.DemoStore;

/** --data-dir: data, the generated admin key and the demo store's key survive a restart. */
class DataDirIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStack start(Path dataDir) {
        return LocalStack.start(LocalStack.Options.defaults().port(0).dataDir(dataDir).accessLog(false)
                .templatePath(TestTemplates.realTemplate()));
    }

    private static boolean canUse(LocalStack stack) throws Exception {
        var response = BannerCurl.run(stack.banner());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("canUse").asBoolean();
    }

    @Test
    void keepsDataAndKeysAcrossRestarts(@TempDir Path dataDir) throws Exception {
        String adminKey;
        DemoStore demo;
        try (LocalStack first = start(dataDir)) {
            adminKey = first.adminKey();
            demo = first.demoStore().orElseThrow();
            assertThat(canUse(first)).isTrue();
        }
        assertThat(Files.readString(dataDir.resolve(LocalStack.ADMIN_KEY_FILE)).strip()).isEqualTo(adminKey);
        assertThat(dataDir.resolve(DemoSeeder.FILE_NAME)).exists();
        assertThat(dataDir.resolve("dynamodb")).isDirectory();

        try (LocalStack second = start(dataDir)) {
            assertThat(second.adminKey()).isEqualTo(adminKey);
            assertThat(second.demoStore()).contains(demo);
            assertThat(canUse(second)).isTrue();
        }
    }

    @Test
    void issuesANewDemoKeyWhenTheRememberedOneIsLost(@TempDir Path dataDir) throws Exception {
        DemoStore first;
        try (LocalStack stack = start(dataDir)) {
            first = stack.demoStore().orElseThrow();
        }
        Files.delete(dataDir.resolve(DemoSeeder.FILE_NAME));
        try (LocalStack stack = start(dataDir)) {
            DemoStore second = stack.demoStore().orElseThrow();
            assertThat(second.apiKey()).isNotEqualTo(first.apiKey());
            assertThat(second.publishableKey()).startsWith("pk_demo_").isNotEqualTo(first.publishableKey());
            assertThat(canUse(stack)).isTrue();
        }
    }

    @Test
    void refusesASecondStackOnTheSameDirectory(@TempDir Path dataDir) {
        try (LocalStack running = LocalStack.start(LocalStack.Options.defaults().port(0).dataDir(dataDir)
                .seedDemo(false).accessLog(false).templatePath(TestTemplates.realTemplate()))) {
            assertThatThrownBy(() -> LocalStack.start(LocalStack.Options.defaults().port(0).dataDir(dataDir)
                    .seedDemo(false).templatePath(TestTemplates.realTemplate())))
                    .hasMessageContaining("Another local stack is using");
            assertThat(running.baseUri()).isNotNull();
        }
    }
}
