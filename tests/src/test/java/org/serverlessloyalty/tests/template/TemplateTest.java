package org.serverlessloyalty.tests.template;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.http.HttpFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Holds template.yaml to the code and to the house rules, without running anything. */
@SuppressWarnings("unchecked")
class TemplateTest {

    private static final Path ROOT = CloudFormationYaml.repositoryRoot();
    private final TemplateModel template = new TemplateModel(CloudFormationYaml.loadTemplate());

    @Test
    void everyHandlerClassExistsInTheModuleItsCodeUriBuilds() throws Exception {
        assertThat(template.functions()).isNotEmpty();
        for (TemplateModel.Function f : template.functions()) {
            assertThat(f.handler()).as(f.logicalId()).endsWith("::handleRequest");
            Class<?> handler = Class.forName(f.handlerClass());
            assertThat(RequestHandler.class.isAssignableFrom(handler)).as(f.handlerClass()).isTrue();
            assertThat(handler.getConstructor()).as("Lambda needs a public no-arg constructor").isNotNull();
            Path source = ROOT.resolve(f.codeUri()).resolve("src/main/java")
                    .resolve(f.handlerClass().replace('.', '/') + ".java");
            assertThat(source).as(f.logicalId() + " handler lives in its CodeUri module").exists();
            Path makefile = ROOT.resolve(f.codeUri()).resolve("Makefile");
            assertThat(Files.readString(makefile)).as("sam build target").contains("build-" + f.logicalId() + ":");
        }
    }

    @Test
    void everyEnvironmentReferenceNamesADeclaredParameterOrResource() {
        assertThat(TemplateChecks.undeclaredEnvironmentReferences(template)).isEmpty();
        assertThat(template.functions()).allSatisfy(f ->
                assertThat(TemplateChecks.references(f.environment().get("TABLE_NAME"))).containsExactly("LoyaltyTable"));
    }

    @Test
    void theEnvironmentCheckCatchesAnUndeclaredReference() {
        var broken = new TemplateModel(CloudFormationYaml.load("""
                Resources:
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Environment:
                        Variables:
                          TABLE_NAME: !Ref MissingTable
                          QUEUE: !Sub ${MissingQueue.Arn}
                """));
        assertThat(TemplateChecks.undeclaredEnvironmentReferences(broken))
                .containsExactlyInAnyOrder("F TABLE_NAME -> MissingTable", "F QUEUE -> MissingQueue");
    }

    @Test
    void everySqsEventSourceHasADlqAndReportsPartialFailures() {
        assertThat(TemplateChecks.sqsSourcesWithoutDlqOrPartialFailures(template)).isEmpty();
    }

    @Test
    void theSqsCheckCatchesAMissingDlqAndMissingPartialFailures() {
        var broken = new TemplateModel(CloudFormationYaml.load("""
                Resources:
                  Orders:
                    Type: AWS::SQS::Queue
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Events:
                        Consume:
                          Type: SQS
                          Properties:
                            Queue: !GetAtt Orders.Arn
                """));
        assertThat(TemplateChecks.sqsSourcesWithoutDlqOrPartialFailures(broken)).containsExactlyInAnyOrder(
                "F.Consume lacks FunctionResponseTypes: [ReportBatchItemFailures]",
                "F.Consume reads Orders, which has no declared DLQ");
    }

    @Test
    void everyHttpFunctionHasAnAlarmOnTheServerErrorsItsMapperCounts() {
        assertThat(TemplateChecks.httpFunctionAlarmProblems(template, HttpFunction.SERVER_ERRORS_METRIC)).isEmpty();
        assertThat(template.functions().stream().filter(f -> f.events().values().stream()
                .anyMatch(e -> "HttpApi".equals(e.get("Type"))))).as("HTTP functions").hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void theAlarmCheckCatchesALambdaErrorsAlarmAndAMissingServerErrorsAlarm() {
        var broken = new TemplateModel(CloudFormationYaml.load("""
                Globals:
                  Function:
                    Environment:
                      Variables:
                        POWERTOOLS_METRICS_NAMESPACE: ServerlessLoyalty
                Resources:
                  Api:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Environment:
                        Variables:
                          POWERTOOLS_SERVICE_NAME: api
                      Events:
                        Get:
                          Type: HttpApi
                          Properties:
                            Path: /x
                            Method: GET
                  Other:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.C::handleRequest
                      Environment:
                        Variables:
                          POWERTOOLS_SERVICE_NAME: other
                      Events:
                        Get:
                          Type: HttpApi
                          Properties:
                            Path: /y
                            Method: GET
                  ApiErrorsAlarm:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      Namespace: AWS/Lambda
                      MetricName: Errors
                      Dimensions:
                        - Name: FunctionName
                          Value: !Ref Api
                  OtherAlarmWithAnExtraDimension:
                    Type: AWS::CloudWatch::Alarm
                    Properties:
                      Namespace: ServerlessLoyalty
                      MetricName: ServerErrors
                      Dimensions:
                        - Name: Service
                          Value: other
                        - Name: Route
                          Value: GET /y
                """));
        assertThat(TemplateChecks.httpFunctionAlarmProblems(broken, "ServerErrors")).containsExactlyInAnyOrder(
                "Api has no alarm on ServerlessLoyalty ServerErrors Service=api",
                "ApiErrorsAlarm watches AWS/Lambda Errors of Api, which answers its failures as 5xx responses",
                "Other has no alarm on ServerlessLoyalty ServerErrors Service=other");
    }

    @Test
    void globalsTargetJava21OnArm64WithSnapStart() {
        Map<String, Object> globals = template.globalsFunction();
        assertThat(globals.get("Runtime")).isEqualTo("java21");
        assertThat((List<String>) globals.get("Architectures")).containsExactly("arm64");
        assertThat((Map<String, Object>) globals.get("SnapStart")).containsEntry("ApplyOn", "PublishedVersions");
        assertThat(globals.get("AutoPublishAlias")).isNotNull();
    }

    @Test
    void everyFunctionHasItsOwnServiceNameAndALogGroupWithRetention() {
        List<String> logGroups = template.resourcesOfType("AWS::Logs::LogGroup");
        for (TemplateModel.Function f : template.functions()) {
            assertThat(f.environment()).as(f.logicalId()).containsKey("POWERTOOLS_SERVICE_NAME");
            assertThat(logGroups).as(f.logicalId() + " log group").anySatisfy(id -> {
                Map<String, Object> p = template.properties(id);
                assertThat(TemplateChecks.references(p.get("LogGroupName"))).containsExactly(f.logicalId());
                assertThat(p.get("RetentionInDays")).isNotNull();
            });
            assertThat(f.properties()).as("names come from CloudFormation").doesNotContainKey("FunctionName");
        }
        assertThat(template.functions().stream().map(f -> f.environment().get("POWERTOOLS_SERVICE_NAME")).distinct())
                .hasSize(template.functions().size());
    }

    @Test
    void noFunctionClaimsToRunLocally() {
        // The local stack sets it so webhooks may reach its loopback receivers; on AWS that would open the Lambda
        // Runtime API and anything else on 127.0.0.1 to a webhook URL.
        assertThat(template.functions()).allSatisfy(f -> assertThat(f.environment()).as(f.logicalId())
                .doesNotContainKey(org.serverlessloyalty.shared.platform.config.LambdaEnvironment.LOCAL_FLAG));
    }

    @Test
    void theValidateFunctionMayOnlyRead() {
        var validate = template.functions().stream()
                .filter(f -> f.handlerClass().endsWith("GiftCodeValidateHandler")).findFirst().orElseThrow();
        String policies = validate.properties().get("Policies").toString();
        assertThat(policies).contains("dynamodb:GetItem")
                .doesNotContain("PutItem", "UpdateItem", "DeleteItem", "Crud", "dynamodb:*", "Scan");
    }

    @Test
    void thePointsTidyUpMayOnlyQueryTheIndexesAndUpdateItemsOnItsSchedule() {
        var tidy = template.functions().stream()
                .filter(f -> f.handlerClass().endsWith("PointsTidyHandler")).findFirst().orElseThrow();
        List<Map<String, Object>> policies = (List<Map<String, Object>>) tidy.properties().get("Policies");
        List<Map<String, Object>> statements = policies.stream()
                .flatMap(p -> ((List<Map<String, Object>>) p.get("Statement")).stream()).toList();
        assertThat(statements).extracting(st -> String.valueOf(st.get("Action")))
                .containsExactlyInAnyOrder("dynamodb:Query", "dynamodb:UpdateItem");
        assertThat(statements).allSatisfy(st -> assertThat(st.get("Effect")).isEqualTo("Allow"));
        Map<String, Object> query = statements.stream().filter(st -> "dynamodb:Query".equals(st.get("Action")))
                .findFirst().orElseThrow();
        assertThat(String.valueOf(query.get("Resource"))).as("Query reads only the indexes").contains("/index/*");
        Map<String, Object> schedule = tidy.events().values().stream()
                .filter(e -> "Schedule".equals(e.get("Type"))).findFirst().orElseThrow();
        assertThat(TemplateChecks.references(((Map<String, Object>) schedule.get("Properties")).get("Schedule")))
                .containsExactly("PointsTidySchedule");
        assertThat(template.parameters()).contains("PointsTidySchedule");
    }

    @Test
    void theTableIsOnDemandWithRecoveryEncryptionAndTtl() {
        assertThat(template.resourcesOfType("AWS::DynamoDB::Table")).containsExactly("LoyaltyTable");
        Map<String, Object> table = template.properties("LoyaltyTable");
        assertThat(table.get("BillingMode")).isEqualTo("PAY_PER_REQUEST");
        assertThat((Map<String, Object>) table.get("PointInTimeRecoverySpecification"))
                .containsEntry("PointInTimeRecoveryEnabled", true);
        assertThat((Map<String, Object>) table.get("SSESpecification")).containsEntry("SSEEnabled", true);
        assertThat((Map<String, Object>) table.get("TimeToLiveSpecification"))
                .containsEntry("AttributeName", "expiresAt").containsEntry("Enabled", true);
        assertThat(table).doesNotContainKey("TableName");
    }

    @Test
    void theTableKeysAreTheOnesTheAdaptersAndTestFixtureUse() {
        Map<String, Object> table = template.properties("LoyaltyTable");
        var fixture = org.serverlessloyalty.shared.testing.LocalTable.definition("t");
        List<Map<String, Object>> keySchema = (List<Map<String, Object>>) table.get("KeySchema");
        assertThat(keySchema).extracting(k -> k.get("AttributeName") + ":" + k.get("KeyType"))
                .containsExactlyElementsOf(fixture.keySchema().stream()
                        .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList());
        List<Map<String, Object>> gsis = (List<Map<String, Object>>) table.get("GlobalSecondaryIndexes");
        assertThat(gsis).extracting(g -> g.get("IndexName"))
                .containsExactlyElementsOf(fixture.globalSecondaryIndexes().stream().map(g -> g.indexName()).toList());
        List<Map<String, Object>> gsiKeys = (List<Map<String, Object>>) gsis.get(0).get("KeySchema");
        assertThat(gsiKeys).extracting(k -> k.get("AttributeName") + ":" + k.get("KeyType"))
                .containsExactlyElementsOf(fixture.globalSecondaryIndexes().get(0).keySchema().stream()
                        .map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList());
    }

    @Test
    void everyRouteHasARealEventFile() throws Exception {
        for (TemplateModel.Route route : template.routes()) {
            var function = template.functions().stream().filter(f -> f.logicalId().equals(route.function()))
                    .findFirst().orElseThrow();
            Path folder = ROOT.resolve("events").resolve(Path.of(function.codeUri()).getFileName());
            Path file = folder.resolve(route.event() + ".json");
            if (!Files.exists(file)) {
                // issue 10: an area's events may sit one folder down (events/points/<area>/).
                try (var areas = Files.list(folder)) {
                    file = areas.filter(Files::isDirectory).map(area -> area.resolve(route.event() + ".json"))
                            .filter(Files::exists).findFirst().orElse(file);
                }
            }
            assertThat(file).as(route.routeKey()).exists();
            var event = org.serverlessloyalty.shared.platform.http.Json.MAPPER.readTree(file.toFile());
            assertThat(event.get("routeKey").asText()).isEqualTo(route.routeKey());
            assertThat(event.get("version").asText()).isEqualTo("2.0");
        }
    }
}
