package org.serverlessloyalty.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.TestTemplates;

/** Intrinsic functions, conditions, parameters, Globals and queues, on the small test templates. */
class TestTemplateResolutionTest {

    private static final LocalAccount ACCOUNT = LocalAccount.of(URI.create("http://127.0.0.1:9324"),
            URI.create("http://127.0.0.1:3000"));

    private static StackModel resolve(String name, Map<String, String> parameters) {
        return StackModel.resolve(Template.read(TestTemplates.testTemplate(name)), parameters, ACCOUNT);
    }

    private static Map<String, String> env(Map<String, String> parameters) {
        return resolve("intrinsics.yaml", parameters).function("Fn").orElseThrow().environment();
    }

    @Test
    void resolvesRefAndGetAttInShortAndLongForms() {
        assertThat(env(Map.of()))
                .containsEntry("TABLE", "serverless-loyalty-local-dev-table")
                .containsEntry("TABLE_ARN", "arn:aws:dynamodb:us-east-1:000000000000:table/serverless-loyalty-local-dev-table")
                .containsEntry("TABLE_ARN_LONG", "arn:aws:dynamodb:us-east-1:000000000000:table/serverless-loyalty-local-dev-table")
                .containsEntry("QUEUE_URL", "http://127.0.0.1:9324/000000000000/Queue")
                .containsEntry("RETRIES", "3")
                .containsEntry("NUMBER", "42")
                .containsEntry("FLAG", "true");
    }

    @Test
    void substitutesParametersResourcesAttributesAndPseudoParameters() {
        assertThat(env(Map.of()))
                .containsEntry("SUB_SIMPLE", "table serverless-loyalty-local-dev-table in us-east-1/000000000000 (aws, dev)")
                .containsEntry("SUB_ATTR", "Queue at arn:aws:sqs:us-east-1:000000000000:Queue")
                .containsEntry("SUB_LIST", "Hello, beta! ${NotAVariable}")
                .containsEntry("SUB_LONG", "serverless-loyalty-local-dev-table-long");
    }

    @Test
    void evaluatesConditionsAndDropsNoValue() {
        Map<String, String> dev = env(Map.of());
        assertThat(dev).containsEntry("IF_VALUE", "not-production").containsEntry("IF_NOT", "yes")
                .containsEntry("OR_VALUE", "or-false").doesNotContainKey("NO_VALUE");
        Map<String, String> prod = env(Map.of("Stage", "prod"));
        assertThat(prod).containsEntry("IF_VALUE", "production").containsEntry("IF_NOT", "no")
                .containsEntry("OR_VALUE", "or-true").containsEntry("NO_VALUE", "something");
        assertThat(env(Map.of("Retries", "9"))).containsEntry("OR_VALUE", "or-true");
    }

    @Test
    void skipsResourcesWhoseConditionIsFalse() {
        assertThat(resolve("intrinsics.yaml", Map.of()).tables()).extracting(TableDef::logicalId).containsExactly("Table");
        assertThat(resolve("intrinsics.yaml", Map.of("Stage", "prod")).tables()).extracting(TableDef::logicalId)
                .containsExactly("Table", "ProdOnlyTable");
    }

    @Test
    void joinsSplitsSelectsAndFindsInMap() {
        assertThat(env(Map.of()))
                .containsEntry("JOINED", "alpha+beta+gamma")
                .containsEntry("SPLIT_SECOND", "b")
                .containsEntry("MAPPED", "DEBUG");
        assertThat(env(Map.of("Stage", "prod", "Names", "x,y"))).containsEntry("MAPPED", "WARN")
                .containsEntry("JOINED", "x+y").containsEntry("SUB_LIST", "Hello, y! ${NotAVariable}");
    }

    @Test
    void mergesGlobalsWithTheFunctionWinning() {
        FunctionDef fn = resolve("intrinsics.yaml", Map.of()).function("Fn").orElseThrow();
        assertThat(fn.environment()).containsEntry("FROM_GLOBALS", "global").containsEntry("REPLACED", "own");
        assertThat(fn.timeoutSeconds()).isEqualTo(12);
        assertThat(fn.memorySizeMb()).isEqualTo(512);
        assertThat(fn.handlerClass()).isEqualTo("com.example.Handler");
        assertThat(fn.handlerMethod()).isEqualTo("handleRequest");
    }

    @Test
    void validatesNumberParameters() {
        assertThatThrownBy(() -> env(Map.of("Retries", "0"))).hasMessageContaining("MinValue");
        assertThatThrownBy(() -> env(Map.of("Retries", "many"))).hasMessageContaining("not a number");
    }

    @Test
    void createsDeadLetterQueuesFirstWithTheirRedrivePolicy() {
        StackModel model = resolve("sqs-consumers.yaml", Map.of());
        assertThat(model.queues()).extracting(QueueDef::logicalId).containsSubsequence("OrdersDeadLetterQueue", "OrdersQueue");
        assertThat(model.queues()).extracting(QueueDef::logicalId).containsSubsequence("ThrowingDeadLetterQueue", "ThrowingQueue");
        QueueDef orders = model.queue("OrdersQueue").orElseThrow();
        assertThat(orders.queueName()).isEqualTo("orders.fifo");
        assertThat(orders.fifo()).isTrue();
        assertThat(orders.arn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:orders.fifo");
        assertThat(orders.queueUrl()).isEqualTo("http://127.0.0.1:9324/000000000000/orders.fifo");
        assertThat(orders.redrive()).isEqualTo(new QueueDef.Redrive(
                "arn:aws:sqs:us-east-1:000000000000:OrdersDeadLetterQueue.fifo", "OrdersDeadLetterQueue", 3));
        assertThat(orders.createAttributes())
                .containsEntry("FifoQueue", "true")
                .containsEntry("ContentBasedDeduplication", "true")
                .containsEntry("VisibilityTimeout", "1")
                .containsEntry("RedrivePolicy", "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:"
                        + "OrdersDeadLetterQueue.fifo\",\"maxReceiveCount\":\"3\"}");
        assertThat(model.queue("OrdersDeadLetterQueue").orElseThrow().queueName()).isEqualTo("OrdersDeadLetterQueue.fifo");
        assertThat(model.queue("OrdersDeadLetterQueue").orElseThrow().createAttributes())
                .containsEntry("MessageRetentionPeriod", "1209600");
        assertThat(resolve("sqs-consumers.yaml", Map.of("OrdersQueueBaseName", "jobs")).queue("OrdersQueue")
                .orElseThrow().queueName()).isEqualTo("jobs.fifo");
    }

    @Test
    void readsSqsEventSources() {
        StackModel model = resolve("sqs-consumers.yaml", Map.of());
        assertThat(model.sqsEventSources()).hasSize(5);
        SqsEventSourceDef orders = model.function("OrdersConsumer").orElseThrow().sqsEventSources().get(0);
        assertThat(orders.queueLogicalId()).isEqualTo("OrdersQueue");
        assertThat(orders.batchSize()).isEqualTo(10);
        assertThat(orders.reportBatchItemFailures()).isTrue();
        assertThat(orders.enabled()).isTrue();
        SqsEventSourceDef batches = model.function("BatchConsumer").orElseThrow().sqsEventSources().get(0);
        assertThat(batches.batchSize()).isEqualTo(3);
        assertThat(batches.reportBatchItemFailures()).isFalse();
        assertThat(model.function("DisabledConsumer").orElseThrow().sqsEventSources().get(0).enabled()).isFalse();
        assertThat(model.function("OrdersConsumer").orElseThrow().environment())
                .containsEntry("SHARED", "from-globals")
                .containsEntry("OVERRIDDEN", "from-function")
                .containsEntry("QUEUE_URL", "http://127.0.0.1:9324/000000000000/orders.fifo")
                .containsEntry("DLQ_NAME", "OrdersDeadLetterQueue.fifo")
                .containsEntry("QUEUE_ARN", "arn:aws:sqs:us-east-1:000000000000:orders.fifo");
    }

    @Test
    void readsHttpApiRoutesWithAnyAndGreedyPaths() {
        StackModel model = resolve("http-echo.yaml", Map.of());
        assertThat(model.routes()).extracting(HttpRouteDef::routeKey)
                .containsExactlyInAnyOrder("POST /items/{id}", "ANY /items/special", "GET /files/{path+}", "GET /fail");
        assertThat(model.function("EchoFunction").orElseThrow().environment())
                .containsEntry("API_ID", "local").containsEntry("API_ENDPOINT", "http://127.0.0.1:3000");
        assertThat(model.function("FailingFunction").orElseThrow().timeoutSeconds()).isEqualTo(FunctionDef.DEFAULT_TIMEOUT_SECONDS);
    }

    private static StackModel inline(String resources) {
        return StackModel.resolve(Template.parse("Resources:\n" + resources, "inline.yaml"), Map.of(), ACCOUNT);
    }

    @Test
    void failsOnBrokenReferencesWithTheirPath() {
        assertThatThrownBy(() -> inline("""
                  F:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B
                      Environment:
                        Variables:
                          X: !Ref Missing
                """)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("F.Environment.Variables.X").hasMessageContaining("Missing");
        assertThatThrownBy(() -> inline("""
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      FifoQueue: true
                      QueueName: not-fifo
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("must end in .fifo");
        assertThatThrownBy(() -> inline("""
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy:
                        deadLetterTargetArn: arn:aws:sqs:us-east-1:000000000000:elsewhere
                        maxReceiveCount: 2
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("not a queue of this template");
        assertThatThrownBy(() -> inline("""
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      FifoQueue: true
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt D.Arn
                        maxReceiveCount: 2
                  D:
                    Type: AWS::SQS::Queue
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("must be FIFO");
    }

    @Test
    void rejectsDuplicateRoutesAndUnknownEventQueues() {
        assertThatThrownBy(() -> inline("""
                  A:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.A
                      Events:
                        One: {Type: HttpApi, Properties: {Path: /x, Method: GET}}
                  B:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: b.B
                      Events:
                        Two: {Type: HttpApi, Properties: {Path: /x, Method: get}}
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("GET /x is declared twice");
        assertThatThrownBy(() -> inline("""
                  A:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.A
                      Events:
                        Q: {Type: SQS, Properties: {Queue: 'arn:aws:sqs:us-east-1:1:other'}}
                """)).isInstanceOf(TemplateException.class).hasMessageContaining("not a queue of this template");
    }

    @Test
    void warnsAboutEventsItCannotServe() {
        StackModel model = inline("""
                  A:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.A
                      Events:
                        Rest: {Type: Api, Properties: {Path: /x, Method: GET}}
                        Cron: {Type: Schedule, Properties: {Schedule: 'cron(0 12 * * ? *)'}}
                """);
        assertThat(model.warnings()).hasSize(2).anyMatch(w -> w.contains("A.Events.Rest"))
                .anyMatch(w -> w.contains("A.Events.Cron") && w.contains("only rate("));
        assertThat(model.schedules()).isEmpty();
    }

    @Test
    void runsRateSchedulesAndKeepsDisabledOnesOff() {
        StackModel model = inline("""
                  A:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.A
                      Events:
                        Hourly: {Type: Schedule, Properties: {Schedule: rate(1 hour)}}
                        Paused: {Type: Schedule, Properties: {Schedule: rate(5 minutes), Enabled: false}}
                """);
        assertThat(model.warnings()).isEmpty();
        assertThat(model.schedules()).extracting(ScheduleDef::eventName, ScheduleDef::rate, ScheduleDef::enabled)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Hourly", java.time.Duration.ofHours(1), true),
                        org.assertj.core.groups.Tuple.tuple("Paused", java.time.Duration.ofMinutes(5), false));
    }

    @Test
    void readsEventBridgeRateExpressionsOnly() {
        assertThat(ScheduleDef.parseRate("rate(1 minute)")).contains(java.time.Duration.ofMinutes(1));
        assertThat(ScheduleDef.parseRate("rate(15 minutes)")).contains(java.time.Duration.ofMinutes(15));
        assertThat(ScheduleDef.parseRate("rate(2 days)")).contains(java.time.Duration.ofDays(2));
        // EventBridge refuses a plural for 1 and a singular for more, and a zero.
        assertThat(ScheduleDef.parseRate("rate(1 hours)")).isEmpty();
        assertThat(ScheduleDef.parseRate("rate(5 minute)")).isEmpty();
        assertThat(ScheduleDef.parseRate("rate(0 minutes)")).isEmpty();
        assertThat(ScheduleDef.parseRate("cron(0 12 * * ? *)")).isEmpty();
    }
}
