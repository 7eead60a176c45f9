package org.serverlessloyalty.tests.orders;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.order.json.OrderReportJson;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.DynamoDbFaults;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.tests.orders.OrderStack.DEAD_LETTER_QUEUE;
import static org.serverlessloyalty.tests.orders.OrderStack.ORDER_QUEUE;
import static org.serverlessloyalty.tests.orders.OrderStack.redemptions;

/**
 * A poison message in a batch of ten: the consumer reports it alone as failed (ReportBatchItemFailures),
 * the nine others are applied once; the queue's RedrivePolicy moves the poison one to the dead-letter queue
 * after {@code OrderMaxReceiveCount} receives; once its cause is fixed and it is redriven it is applied
 * once, and a second delivery of it changes nothing. Each runs without and with DynamoDB faults, holding the same
 * invariants: a fault is retried inside the consumer, so only the poison message is ever dead-lettered.
 *
 * <p>Redrive: the README's {@code aws sqs start-message-move-task} does not work on the local stack. Its
 * ElasticMQ (1.7.1) accepts {@code StartMessageMoveTask} and moves messages out of a standard dead-letter
 * queue, but on a FIFO one it reports the task COMPLETED with 0 messages moved and leaves the message where
 * it is. So the test redrives as an operator would by hand: receive from the dead-letter queue, send to
 * the order queue with the same message group and a new deduplication id, delete from the dead-letter queue.
 *
 * <p>The template's {@code VisibilityTimeout} is 180 s (six times the consumer's timeout), so a failed
 * message would come back after three minutes. The template has no parameter for it; the test lowers
 * it through the SQS API ({@code SetQueueAttributes}, as an operator could), before sending anything.
 * The poller holds the receipt handles, so {@code ChangeMessageVisibility} on the message is not possible.
 */
class OrderDeadLetterIT {

    private static final int MAX_RECEIVE_COUNT = 2;
    private static final int VISIBILITY_SECONDS = 4;

    private static OrderStack stack;
    private static SqsClient sqs;

    @BeforeAll
    static void startStack() {
        stack = OrderStack.start(Map.of("OrderMaxReceiveCount", Integer.toString(MAX_RECEIVE_COUNT)));
        sqs = stack.local().sqsClient();
        Map<QueueAttributeName, String> queue = sqs.getQueueAttributes(b -> b.queueUrl(stack.queueUrl(ORDER_QUEUE))
                .attributeNames(QueueAttributeName.ALL)).attributes();
        // What the template gave the queue, before the test changes its visibility timeout.
        assertThat(queue.get(QueueAttributeName.VISIBILITY_TIMEOUT)).isEqualTo("180");
        assertThat(queue.get(QueueAttributeName.REDRIVE_POLICY)).contains("\"maxReceiveCount\":" + MAX_RECEIVE_COUNT)
                .contains(deadLetterArn());
        sqs.setQueueAttributes(b -> b.queueUrl(stack.queueUrl(ORDER_QUEUE))
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(VISIBILITY_SECONDS))));
    }

    @AfterEach
    void faultsOff() {
        stack.faultsOff();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String deadLetterArn() {
        return sqs.getQueueAttributes(b -> b.queueUrl(stack.queueUrl(DEAD_LETTER_QUEUE))
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    /** Amounts as the API hands them over: trailing zeros stripped (OrderFields.normal). */
    private static OrderReport report(String store, String orderId, String customer, String code) {
        return new OrderReport(new StoreCode(store), orderId, OrderSource.CIBLER, OrderStatus.PAID, customer,
                OffsetDateTime.parse("2026-11-25T10:00:00Z"), new BigDecimal("150"), new BigDecimal("20"),
                BigDecimal.ZERO, new BigDecimal("30"), List.of(CodeValue.of(code)), List.of(),
                Map.of("email", "shopper@example.com", "cookieId", "CIB1.1"));
    }

    /** As the API sends it: group = store#shopper, deduplication id = a hash of store, order id and content. */
    private static SendMessageBatchRequestEntry entry(int index, OrderReport report, String deduplicationSalt) {
        String body = OrderReportJson.write(report);
        return SendMessageBatchRequestEntry.builder()
                .id("m" + index)
                .messageGroupId(report.store().value() + "#" + report.customerGuid())
                .messageDeduplicationId(sha256(report.store().value() + "|" + report.orderId() + "|"
                        + OrderReportJson.contentHash(report) + deduplicationSalt))
                .messageBody(body)
                .build();
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void aPoisonMessageGoesToTheDeadLetterQueueAloneAndIsAppliedOnceWhenFixedAndRedriven(DynamoDbFaults faults) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var shop = stack.createStore("dl-" + suffix);
        stack.createCodes(shop.code(), 100, "BATCH");
        String missingStore = "dl-late-" + suffix;
        DynamoDbFaults.Run run = stack.faults(faults);

        List<OrderReport> reports = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reports.add(i == 4
                    ? report(missingStore, "poison-1", "late-shopper", "LATE")
                    : report(shop.code(), "good-" + i, "shopper-" + i, "BATCH"));
        }
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            entries.add(entry(i, reports.get(i), ""));
        }
        var sent = sqs.sendMessageBatch(b -> b.queueUrl(stack.queueUrl(ORDER_QUEUE)).entries(entries));
        assertThat(sent.failed()).isEmpty();
        assertThat(sent.successful()).hasSize(10);

        // The nine others are applied, once each.
        for (OrderReport report : reports) {
            if (report.store().value().equals(shop.code())) {
                JsonNode order = stack.awaitOrder(shop.code(), report.orderId());
                assertThat(redemptions(order)).containsExactly(Map.entry("BATCH", "APPLIED"));
            }
        }
        // The poison one fails maxReceiveCount times, then the queue moves it to the dead-letter queue.
        Message dead = OrderStack.await("the poison message in the dead-letter queue", () -> peek(DEAD_LETTER_QUEUE));
        assertThat(dead.body()).isEqualTo(OrderReportJson.write(reports.get(4)));
        assertThat(dead.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID)).isEqualTo(missingStore + "#late-shopper");
        assertThat(Integer.parseInt(dead.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)))
                .as("receives before it was dead-lettered, plus this peek").isEqualTo(MAX_RECEIVE_COUNT + 1);
        stack.awaitOrderQueueDrained();
        assertThat(stack.messagesIn(DEAD_LETTER_QUEUE)).isEqualTo(1);
        assertThat(stack.usedCount(shop.code(), "BATCH")).isEqualTo(9);

        run.close();
        OrderStack.report(faults, run, "OrderDeadLetterIT: nine orders and a poison one, to the dead-letter queue");

        // Fixed: the store it was reported for now exists, with its code.
        var late = stack.createStore(missingStore);
        stack.createCodes(late.code(), 10, "LATE");
        assertThat(stack.order(late.code(), "poison-1")).isEmpty();
        DynamoDbFaults.Run redrive = stack.faults(faults);

        // Redriven: received from the dead-letter queue, sent to the order queue in its own message group with
        // a new deduplication id, then deleted from the dead-letter queue (see the class comment for why not
        // StartMessageMoveTask here).
        redriveByHand(1);

        JsonNode applied = stack.awaitOrder(late.code(), "poison-1");
        assertThat(redemptions(applied)).containsExactly(Map.entry("LATE", "APPLIED"));
        stack.awaitOrderQueueDrained();
        assertThat(stack.messagesIn(DEAD_LETTER_QUEUE)).isZero();
        assertThat(stack.usedCount(late.code(), "LATE")).isEqualTo(1);
        String appliedAt = applied.get("appliedAt").asText();

        // Redriven again: the same message once more, with yet another deduplication id.
        var resent = sqs.sendMessageBatch(b -> b.queueUrl(stack.queueUrl(ORDER_QUEUE))
                .entries(entry(0, reports.get(4), "#redriven-again")));
        assertThat(resent.successful()).hasSize(1);
        stack.awaitOrderQueueDrained();
        redrive.close();
        OrderStack.report(faults, redrive, "OrderDeadLetterIT: the poison order redriven, then redelivered");

        assertThat(stack.usedCount(late.code(), "LATE")).isEqualTo(1);
        assertThat(stack.usedCount(shop.code(), "BATCH")).isEqualTo(9);
        JsonNode after = stack.order(late.code(), "poison-1").orElseThrow();
        assertThat(after.get("appliedAt").asText()).isEqualTo(appliedAt);
        assertThat(redemptions(after)).containsExactly(Map.entry("LATE", "APPLIED"));
        assertThat(stack.messagesIn(DEAD_LETTER_QUEUE)).isZero();
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void theSameMessageDeliveredFiveTimesIsAppliedOnce(DynamoDbFaults faults) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        var shop = stack.createStore("dup-" + suffix);
        stack.createCodes(shop.code(), 10, "FIVE");
        OrderReport report = report(shop.code(), "dup-1", "dup-shopper", "FIVE");
        long batchesBefore = stack.consumerBatches();
        DynamoDbFaults.Run run = stack.faults(faults);

        for (int i = 0; i < 5; i++) {
            // A new deduplication id each time, so SQS's FIFO deduplication cannot hide the copies.
            int copy = i;
            var sent = sqs.sendMessageBatch(b -> b.queueUrl(stack.queueUrl(ORDER_QUEUE))
                    .entries(entry(0, report, "#copy-" + copy)));
            assertThat(sent.successful()).hasSize(1);
        }
        JsonNode applied = stack.awaitOrder(shop.code(), "dup-1");
        stack.awaitOrderQueueDrained();
        run.close();
        OrderStack.report(faults, run, "OrderDeadLetterIT: the same message delivered five times");

        assertThat(stack.consumerBatches() - batchesBefore).as("batches handed to the consumer").isBetween(1L, 5L);
        assertThat(stack.usedCount(shop.code(), "FIVE")).isEqualTo(1);
        JsonNode after = stack.order(shop.code(), "dup-1").orElseThrow();
        assertThat(after.get("appliedAt").asText()).isEqualTo(applied.get("appliedAt").asText());
        assertThat(redemptions(after)).containsExactly(Map.entry("FIVE", "APPLIED"));
        assertThat(stack.messagesIn(DEAD_LETTER_QUEUE)).isZero();
    }

    /** What an operator does when StartMessageMoveTask is not available: move every dead letter back, by hand. */
    private static void redriveByHand(int expected) {
        String deadLetters = stack.queueUrl(DEAD_LETTER_QUEUE);
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(deadLetters).maxNumberOfMessages(10)
                .visibilityTimeout(60).waitTimeSeconds(1).messageSystemAttributeNamesWithStrings("All")).messages();
        assertThat(messages).hasSize(expected);
        for (Message message : messages) {
            var sent = sqs.sendMessage(b -> b.queueUrl(stack.queueUrl(ORDER_QUEUE))
                    .messageBody(message.body())
                    .messageGroupId(message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
                    .messageDeduplicationId("redrive-" + message.messageId()));
            assertThat(sent.messageId()).isNotBlank();
            sqs.deleteMessage(b -> b.queueUrl(deadLetters).receiptHandle(message.receiptHandle()));
        }
    }

    /** Receives one message and makes it visible again at once, so the queue keeps it. */
    private static Optional<Message> peek(String logicalId) {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(stack.queueUrl(logicalId))
                .maxNumberOfMessages(1).visibilityTimeout(0).waitTimeSeconds(0)
                .messageSystemAttributeNamesWithStrings("All")).messages();
        return messages.stream().findFirst();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
