package org.serverlessloyalty.local.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.local.TestTemplates;
import org.serverlessloyalty.local.sqs.ScriptedSqsHandler.Invocation;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/** The SQS event sources of templates/sqs-consumers.yaml, against ElasticMQ in the running stack. */
class SqsPollerIT {

    private static LocalStack stack;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        ScriptedSqsHandler.SCRIPTS.put("OrdersConsumer", (event, n) -> failBodiesStartingWith(event, "fail"));
        ScriptedSqsHandler.SCRIPTS.put("ThrowingConsumer", (event, n) -> {
            if (n == 1) {
                throw new IllegalStateException("first delivery fails, as scripted");
            }
            return null;
        });
        ScriptedSqsHandler.SCRIPTS.put("UnflaggedConsumer", (event, n) -> failBodiesStartingWith(event, ""));
        stack = LocalStack.start(LocalStack.Options.defaults().port(0).seedDemo(false).accessLog(false)
                .adminKey("sqs-it-admin").environment(Map.of("EXTRA_FROM_TEST", "yes"))
                .templatePath(TestTemplates.testTemplate("sqs-consumers.yaml")));
        sqs = stack.sqsClient();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static SQSBatchResponse failBodiesStartingWith(SQSEvent event, String prefix) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            if (message.getBody().startsWith(prefix)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static List<Invocation> invocations(String function) {
        return ScriptedSqsHandler.INVOCATIONS.getOrDefault(function, List.of());
    }

    private static List<SQSEvent.SQSMessage> received(String function) {
        return invocations(function).stream().flatMap(i -> i.messages().stream()).toList();
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }

    private static int approximateMessages(String queueLogicalId) {
        var attributes = sqs.getQueueAttributes(b -> b.queueUrl(stack.queueUrl(queueLogicalId)).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Test
    void deletesTheSucceededMessagesAndSendsTheReportedFailureToTheDeadLetterQueueAfterMaxReceiveCount() throws Exception {
        String url = stack.queueUrl("OrdersQueue");
        assertThat(url).endsWith("/000000000000/orders.fifo");
        sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("1").messageBody("ok-1").messageGroupId("a").build(),
                SendMessageBatchRequestEntry.builder().id("2").messageBody("fail-2").messageGroupId("b").build(),
                SendMessageBatchRequestEntry.builder().id("3").messageBody("ok-3").messageGroupId("c").build()));

        String dlqUrl = stack.queueUrl("OrdersDeadLetterQueue");
        List<Message> deadLetters = new ArrayList<>();
        await("fail-2 to reach the dead-letter queue", Duration.ofSeconds(20), () -> {
            deadLetters.addAll(sqs.receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(1)).messages());
            return !deadLetters.isEmpty();
        });

        assertThat(deadLetters).extracting(Message::body).containsExactly("fail-2");
        List<SQSEvent.SQSMessage> received = received("OrdersConsumer");
        assertThat(received).filteredOn(m -> m.getBody().matches("ok-[13]")).extracting(SQSEvent.SQSMessage::getBody)
                .containsExactlyInAnyOrder("ok-1", "ok-3");
        assertThat(received).filteredOn(m -> m.getBody().equals("fail-2"))
                .extracting(m -> m.getAttributes().get("ApproximateReceiveCount"))
                .containsExactly("1", "2", "3");
        await("OrdersQueue to be empty", Duration.ofSeconds(5), () -> approximateMessages("OrdersQueue") == 0);
    }

    @Test
    void buildsTheSqsEventLambdaSends() throws Exception {
        String url = stack.queueUrl("OrdersQueue");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("ok-attributes").messageGroupId("g-attr")
                .messageAttributes(Map.of("kind", software.amazon.awssdk.services.sqs.model.MessageAttributeValue.builder()
                        .dataType("String").stringValue("order").build())));
        await("the message to be delivered", Duration.ofSeconds(10),
                () -> received("OrdersConsumer").stream().anyMatch(m -> m.getBody().equals("ok-attributes")));
        SQSEvent.SQSMessage message = received("OrdersConsumer").stream()
                .filter(m -> m.getBody().equals("ok-attributes")).findFirst().orElseThrow();
        assertThat(message.getEventSource()).isEqualTo("aws:sqs");
        assertThat(message.getEventSourceArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:orders.fifo");
        assertThat(message.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(message.getMessageId()).isNotBlank();
        assertThat(message.getReceiptHandle()).isNotBlank();
        assertThat(message.getMd5OfBody()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("MD5").digest("ok-attributes".getBytes(StandardCharsets.UTF_8))));
        assertThat(message.getAttributes()).containsKeys("ApproximateReceiveCount", "SentTimestamp",
                "ApproximateFirstReceiveTimestamp", "MessageGroupId", "MessageDeduplicationId", "SequenceNumber");
        assertThat(message.getAttributes()).containsEntry("MessageGroupId", "g-attr");
        assertThat(message.getMessageAttributes().get("kind").getStringValue()).isEqualTo("order");
        assertThat(message.getMessageAttributes().get("kind").getDataType()).isEqualTo("String");
    }

    @Test
    void runsTheConsumerInItsTemplateEnvironment() throws Exception {
        await("OrdersConsumer to be invoked once", Duration.ofSeconds(10), () -> {
            if (invocations("OrdersConsumer").isEmpty()) {
                sqs.sendMessage(b -> b.queueUrl(stack.queueUrl("OrdersQueue")).messageBody("ok-env").messageGroupId("env"));
                return false;
            }
            return true;
        });
        Map<String, String> environment = invocations("OrdersConsumer").get(0).environment();
        assertThat(environment)
                .containsEntry("SHARED", "from-globals")
                .containsEntry("OVERRIDDEN", "from-function")
                .containsEntry("QUEUE_URL", stack.queueUrl("OrdersQueue"))
                .containsEntry("DLQ_NAME", "OrdersDeadLetterQueue.fifo")
                .containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "OrdersConsumer")
                .containsEntry("DYNAMODB_ENDPOINT", stack.dynamoDbEndpoint().toString())
                .containsEntry("SQS_ENDPOINT", stack.sqsEndpoint().toString())
                .containsEntry("ADMIN_API_KEY", "sqs-it-admin")
                .containsEntry("EXTRA_FROM_TEST", "yes");
    }

    @Test
    void honoursTheBatchSize() throws Exception {
        String url = stack.queueUrl("BatchQueue");
        sqs.sendMessageBatch(b -> b.queueUrl(url).entries(IntStream.rangeClosed(1, 7)
                .mapToObj(i -> SendMessageBatchRequestEntry.builder().id("m" + i).messageBody("batch-" + i).build())
                .toList()));
        await("all 7 messages to be processed", Duration.ofSeconds(15), () -> received("BatchConsumer").size() >= 7);
        assertThat(invocations("BatchConsumer")).allSatisfy(i -> assertThat(i.messages()).hasSizeLessThanOrEqualTo(3));
        assertThat(invocations("BatchConsumer")).anySatisfy(i -> assertThat(i.messages()).hasSize(3));
        assertThat(received("BatchConsumer")).extracting(SQSEvent.SQSMessage::getBody).doesNotHaveDuplicates().hasSize(7);
        await("BatchQueue to be empty", Duration.ofSeconds(5), () -> approximateMessages("BatchQueue") == 0);
    }

    @Test
    void redeliversTheWholeBatchWhenTheFunctionThrows() throws Exception {
        String url = stack.queueUrl("ThrowingQueue");
        sqs.sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("1").messageBody("t-1").build(),
                SendMessageBatchRequestEntry.builder().id("2").messageBody("t-2").build()));
        await("the batch to be processed after the failure", Duration.ofSeconds(15),
                () -> received("ThrowingConsumer").stream().filter(m -> m.getAttributes().get("ApproximateReceiveCount")
                        .equals("2")).count() == 2);
        assertThat(invocations("ThrowingConsumer").get(0).messages()).as("one batch, gathered in the batching window")
                .hasSize(2);
        List<SQSEvent.SQSMessage> firstDelivery = received("ThrowingConsumer").stream()
                .filter(m -> m.getAttributes().get("ApproximateReceiveCount").equals("1")).toList();
        List<SQSEvent.SQSMessage> secondDelivery = received("ThrowingConsumer").stream()
                .filter(m -> m.getAttributes().get("ApproximateReceiveCount").equals("2")).toList();
        assertThat(firstDelivery).extracting(SQSEvent.SQSMessage::getMessageId)
                .containsExactlyInAnyOrderElementsOf(secondDelivery.stream().map(SQSEvent.SQSMessage::getMessageId).toList());
        await("ThrowingQueue to be empty", Duration.ofSeconds(5), () -> approximateMessages("ThrowingQueue") == 0);
        assertThat(sqs.receiveMessage(b -> b.queueUrl(stack.queueUrl("ThrowingDeadLetterQueue"))).messages()).isEmpty();
    }

    @Test
    void ignoresBatchItemFailuresWithoutReportBatchItemFailuresAsLambdaDoes() throws Exception {
        sqs.sendMessage(b -> b.queueUrl(stack.queueUrl("UnflaggedQueue")).messageBody("u-1"));
        await("u-1 to be processed", Duration.ofSeconds(10), () -> !received("UnflaggedConsumer").isEmpty());
        await("UnflaggedQueue to be empty", Duration.ofSeconds(5), () -> approximateMessages("UnflaggedQueue") == 0);
        Thread.sleep(1500);
        assertThat(received("UnflaggedConsumer")).hasSize(1);
    }

    @Test
    void leavesDisabledEventSourcesAlone() throws Exception {
        sqs.sendMessage(b -> b.queueUrl(stack.queueUrl("DisabledQueue")).messageBody("d-1"));
        Thread.sleep(1500);
        assertThat(invocations("DisabledConsumer")).isEmpty();
        assertThat(approximateMessages("DisabledQueue")).isEqualTo(1);
        assertThat(stack.pollers()).extracting(p -> p.source().functionLogicalId()).doesNotContain("DisabledConsumer");
    }
}
