package org.serverlessloyalty.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.TestTemplates;

/** The repository's template.yaml, resolved as the local stack runs it. */
class RealTemplateTest {

    private static final LocalAccount ACCOUNT = LocalAccount.of(URI.create("http://127.0.0.1:9324"),
            URI.create("http://127.0.0.1:3000"));

    private static StackModel model(Map<String, String> parameters) {
        return StackModel.resolve(Template.read(TestTemplates.realTemplate()), parameters, ACCOUNT);
    }

    @Test
    void findsTheFunctionsWithTheirHandlers() {
        StackModel model = model(Map.of());
        assertThat(model.functions()).extracting(FunctionDef::logicalId)
                .contains("GiftCodeValidateFunction", "AdminFunction");
        assertThat(model.function("AdminFunction").orElseThrow().handlerClass())
                .isEqualTo("org.serverlessloyalty.admin.AdminHandler");
        assertThat(model.function("GiftCodeValidateFunction").orElseThrow().handlerMethod()).isEqualTo("handleRequest");
        assertThat(model.functions()).allSatisfy(f -> assertThat(f.handlerClass()).startsWith("org.serverlessloyalty."));
    }

    @Test
    void mergesGlobalsUnderEachFunction() {
        FunctionDef admin = model(Map.of()).function("AdminFunction").orElseThrow();
        assertThat(admin.timeoutSeconds()).isEqualTo(29);
        assertThat(admin.memorySizeMb()).isEqualTo(1024);
        assertThat(admin.runtime()).isEqualTo("java21");
        assertThat(admin.environment())
                .containsEntry("TABLE_NAME", "LoyaltyTable")
                .containsEntry("STORE_CACHE_SECONDS", "30")
                .containsEntry("POWERTOOLS_LOG_LEVEL", "INFO")
                .containsEntry("POWERTOOLS_METRICS_NAMESPACE", "ServerlessLoyalty")
                .containsEntry("POWERTOOLS_SERVICE_NAME", "admin")
                .containsEntry("ADMIN_API_KEY_PARAMETER", "/serverless-loyalty/admin-api-key");
        assertThat(model(Map.of()).function("GiftCodeValidateFunction").orElseThrow().environment())
                .containsEntry("POWERTOOLS_SERVICE_NAME", "giftcode-validate")
                .doesNotContainKey("ADMIN_API_KEY_PARAMETER");
    }

    @Test
    void parameterOverridesReachTheEnvironment() {
        FunctionDef admin = model(Map.of("LogLevel", "DEBUG", "StoreCacheSeconds", "0")).function("AdminFunction").orElseThrow();
        assertThat(admin.environment()).containsEntry("POWERTOOLS_LOG_LEVEL", "DEBUG").containsEntry("STORE_CACHE_SECONDS", "0");
        assertThat(model(Map.of("LogLevel", "DEBUG")).parameters()).containsEntry("LogLevel", "DEBUG");
    }

    @Test
    void rejectsOverridesTheTemplateForbids() {
        assertThatThrownBy(() -> model(Map.of("LogLevel", "LOUD")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("LogLevel=LOUD");
        assertThatThrownBy(() -> model(Map.of("StoreCacheSeconds", "301")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("MaxValue");
        assertThatThrownBy(() -> model(Map.of("AdminApiKeyParameterName", "no-leading-slash")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> model(Map.of("NoSuchParameter", "x")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("Unknown parameter NoSuchParameter");
    }

    @Test
    void readsTheHttpApiRoutes() {
        StackModel model = model(Map.of());
        assertThat(model.routes()).extracting(HttpRouteDef::routeKey).contains(
                "POST /api/giftCodes/validate/{customerId}",
                "GET /api", "GET /api/healthcheck", "POST /api/store", "GET /api/store",
                "GET /api/store/{storeCode}", "PUT /api/store/{storeCode}", "POST /api/store/{storeCode}/api-key/rotate",
                "POST /api/{storeCode}/admin/giftCodes", "GET /api/{storeCode}/admin/giftCodes/{code}");
        assertThat(model.routes()).filteredOn(r -> r.path().equals("/api/healthcheck"))
                .extracting(HttpRouteDef::functionLogicalId, HttpRouteDef::eventName)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AdminFunction", "HealthCheck"));
        assertThat(model.routes()).allSatisfy(r -> assertThat(r.path()).startsWith("/"));
    }

    @Test
    void createsEveryDeadLetterQueueBeforeTheQueueThatUsesIt() {
        StackModel model = model(Map.of());
        var order = model.queues().stream().map(QueueDef::logicalId).toList();
        for (QueueDef queue : model.queues()) {
            if (queue.redrive() != null) {
                assertThat(order.indexOf(queue.redrive().deadLetterQueueLogicalId())).as(queue.logicalId())
                        .isLessThan(order.indexOf(queue.logicalId()));
            }
            if (queue.fifo()) {
                assertThat(queue.queueName()).endsWith(".fifo");
            }
        }
        assertThat(model.sqsEventSources()).allSatisfy(source ->
                assertThat(model.queue(source.queueLogicalId())).isPresent());
    }

    @Test
    void readsTheTableWithItsKeysIndexAndTtl() {
        TableDef table = model(Map.of()).table("LoyaltyTable").orElseThrow();
        assertThat(table.tableName()).isEqualTo("LoyaltyTable");
        assertThat(table.keySchema()).isEqualTo(new TableDef.KeySchema("pk", "sk"));
        assertThat(table.attributes()).extracting(TableDef.AttributeDef::name)
                .containsExactly("pk", "sk", "gsi1pk", "gsi1sk", "gsi2pk", "gsi2sk");
        assertThat(table.globalSecondaryIndexes()).hasSize(2);
        assertThat(table.globalSecondaryIndexes().get(0)).satisfies(gsi -> {
            assertThat(gsi.name()).isEqualTo("gsi1");
            assertThat(gsi.keySchema()).isEqualTo(new TableDef.KeySchema("gsi1pk", "gsi1sk"));
            assertThat(gsi.projectionType()).isEqualTo("ALL");
        });
        assertThat(table.globalSecondaryIndexes().get(1)).satisfies(gsi -> {
            assertThat(gsi.name()).isEqualTo("gsi2");
            assertThat(gsi.keySchema()).isEqualTo(new TableDef.KeySchema("gsi2pk", "gsi2sk"));
            assertThat(gsi.projectionType()).isEqualTo("ALL");
        });
        assertThat(table.timeToLiveAttribute()).isEqualTo("expiresAt");
        assertThat(table.payPerRequest()).isTrue();
    }

    @Test
    void runsThePointsTidyUpOnItsTemplateSchedule() {
        assertThat(model(Map.of()).schedules()).singleElement().satisfies(s -> {
            assertThat(s.functionLogicalId()).isEqualTo("PointsTidyFunction");
            assertThat(s.rate()).isEqualTo(java.time.Duration.ofHours(1));
            assertThat(s.enabled()).isTrue();
        });
        assertThat(model(Map.of("PointsTidySchedule", "rate(5 minutes)")).schedules())
                .extracting(ScheduleDef::rate).containsExactly(java.time.Duration.ofMinutes(5));
    }

    @Test
    void listsWhatItDoesNotEmulate() {
        StackModel model = model(Map.of());
        assertThat(model.ignoredResources()).anyMatch(r -> r.startsWith("ApiAccessLogGroup"))
                .anyMatch(r -> r.startsWith("Api5xxAlarm"));
        assertThat(model.warnings()).isEmpty();
    }

    @Test
    void theTemplatesLocalParameterDefaultsMakeWebhookRetriesFastAndStayOverridable() {
        FunctionDef webhook = model(Map.of()).function("CouponWebhookFunction").orElseThrow();
        assertThat(webhook.environment()).containsEntry("WEBHOOK_BACKOFF_BASE_SECONDS", "1")
                .containsEntry("WEBHOOK_RETRY_WINDOW_SECONDS", "30");
        assertThat(model(Map.of("WebhookBackoffBaseSeconds", "7")).function("CouponWebhookFunction").orElseThrow()
                .environment()).containsEntry("WEBHOOK_BACKOFF_BASE_SECONDS", "7");
    }

    @Test
    void localParameterDefaultsMustNameDeclaredParameters() {
        String yaml = """
                Metadata:
                  ServerlessLoyalty::LocalStack:
                    ParameterDefaults:
                      Nope: 1
                Parameters:
                  Real:
                    Type: String
                    Default: x
                Resources:
                  T:
                    Type: AWS::SQS::Queue
                """;
        assertThatThrownBy(() -> StackModel.resolve(Template.parse(yaml, "t.yaml"), Map.of(), ACCOUNT))
                .hasMessageContaining("Nope");
    }
}
