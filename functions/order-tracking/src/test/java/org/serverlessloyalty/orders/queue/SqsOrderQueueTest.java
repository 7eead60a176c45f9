package org.serverlessloyalty.orders.queue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.order.json.OrderReportJson;
import org.serverlessloyalty.shared.order.model.OrderLine;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResultEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The SQS adapter against a scripted {@link SqsClient}: batching, ids, partial failures. */
class SqsOrderQueueTest {

    private static final String URL = "https://sqs.eu-west-3.amazonaws.com/123456789012/orders.fifo";

    /** Records every SendMessageBatch; each call's answer is scripted (default: all accepted). */
    private static final class ScriptedSqs implements SqsClient {
        final List<SendMessageBatchRequest> calls = new ArrayList<>();
        final Deque<Function<SendMessageBatchRequest, SendMessageBatchResponse>> answers = new ArrayDeque<>();

        @Override
        public SendMessageBatchResponse sendMessageBatch(SendMessageBatchRequest request) {
            calls.add(request);
            return answers.isEmpty() ? acceptAll(request) : answers.poll().apply(request);
        }

        @Override
        public String serviceName() {
            return "sqs";
        }

        @Override
        public void close() {
        }
    }

    private static SendMessageBatchResponse acceptAll(SendMessageBatchRequest request) {
        return answer(request, Set.of(), false);
    }

    /** Refuses the entries at {@code refused} (by position), accepts the rest. */
    private static SendMessageBatchResponse answer(SendMessageBatchRequest request, Set<Integer> refused, boolean senderFault) {
        var ok = new ArrayList<SendMessageBatchResultEntry>();
        var failed = new ArrayList<BatchResultErrorEntry>();
        for (int i = 0; i < request.entries().size(); i++) {
            String id = request.entries().get(i).id();
            if (refused.contains(i)) {
                failed.add(BatchResultErrorEntry.builder().id(id).code(senderFault ? "InvalidParameterValue" : "InternalError")
                        .message("refused").senderFault(senderFault).build());
            } else {
                ok.add(SendMessageBatchResultEntry.builder().id(id).messageId("msg-" + id).build());
            }
        }
        return SendMessageBatchResponse.builder().successful(ok).failed(failed).build();
    }

    private final ScriptedSqs sqs = new ScriptedSqs();
    private final SqsOrderQueue queue = new SqsOrderQueue(sqs, URL);

    private static OrderReport report(String orderId, String customer) {
        return report(orderId, customer, OrderStatus.PAID, "");
    }

    private static OrderReport report(String orderId, String customer, OrderStatus status, String padding) {
        return new OrderReport(new StoreCode("shop"), orderId, OrderSource.CIBLER, status, customer,
                OffsetDateTime.parse("2026-06-15T10:00:00+02:00"), new BigDecimal("72.99"), new BigDecimal("2"),
                BigDecimal.ZERO, null, List.of(CodeValue.of("SUMMER10")),
                List.of(new OrderLine("5", "Perceuse" + padding, 2, "11", "Standard", new BigDecimal("34"), null, "0")),
                Map.of("email", "test@gmail.com"));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sendsOneFifoMessagePerReportWithGroupDeduplicationIdAndBody() throws Exception {
        OrderReport report = report("234567865", "bbc47c1f-020e-4885-a01d-53f5921a7210");

        queue.enqueue(List.of(report));

        assertThat(sqs.calls).hasSize(1);
        assertThat(sqs.calls.get(0).queueUrl()).isEqualTo(URL);
        SendMessageBatchRequestEntry entry = sqs.calls.get(0).entries().get(0);
        assertThat(entry.messageGroupId()).isEqualTo("shop#bbc47c1f-020e-4885-a01d-53f5921a7210");
        assertThat(entry.messageDeduplicationId())
                .isEqualTo(sha256("shop|234567865|" + OrderReportJson.contentHash(report)))
                .hasSize(64);
        assertThat(entry.messageBody()).isEqualTo(OrderReportJson.write(report));
        assertThat(OrderReportJson.read(entry.messageBody())).isEqualTo(report);
    }

    @Test
    void theSameReportAlwaysGetsTheSameDeduplicationIdAndAChangedOneAnother() {
        String paid = SqsOrderQueue.deduplicationId(report("1", "c"));
        assertThat(SqsOrderQueue.deduplicationId(report("1", "c"))).isEqualTo(paid);
        assertThat(SqsOrderQueue.deduplicationId(report("1", "c", OrderStatus.CANCELLED, ""))).isNotEqualTo(paid);
        assertThat(SqsOrderQueue.deduplicationId(report("2", "c"))).isNotEqualTo(paid);
    }

    @Test
    void anOrderWithoutShopperGoesToTheStoresAnonymousGroup() {
        assertThat(SqsOrderQueue.groupId(report("1", null))).isEqualTo("shop#anonymous#1");
    }

    @Test
    void aShopperIdSqsCannotCarryIsHashedIntoAValidGroupIdPerShopper() {
        String spaced = SqsOrderQueue.groupId(report("1", "jean dupont"));
        String accented = SqsOrderQueue.groupId(report("1", "clément"));
        String longOne = SqsOrderQueue.groupId(report("1", "x".repeat(200)));

        for (String id : List.of(spaced, accented, longOne)) {
            assertThat(id).startsWith("shop#sha256-").hasSizeLessThanOrEqualTo(128).matches("[\\x21-\\x7E]+");
        }
        assertThat(spaced).isNotEqualTo(accented);
        assertThat(SqsOrderQueue.groupId(report("2", "jean dupont"))).isEqualTo(spaced);
    }

    @Test
    void sendsBatchesOfAtMostTenInOrder() {
        List<OrderReport> reports = IntStream.range(0, 25).mapToObj(i -> report("o" + i, "c" + i)).toList();

        queue.enqueue(reports);

        assertThat(sqs.calls).extracting(c -> c.entries().size()).containsExactly(10, 10, 5);
        List<String> sentOrder = sqs.calls.stream().flatMap(c -> c.entries().stream())
                .map(e -> OrderReportJson.read(e.messageBody()).orderId()).toList();
        assertThat(sentOrder).isEqualTo(reports.stream().map(OrderReport::orderId).toList());
        for (SendMessageBatchRequest call : sqs.calls) {
            assertThat(call.entries().stream().map(SendMessageBatchRequestEntry::id).collect(Collectors.toSet()))
                    .hasSize(call.entries().size());
        }
    }

    @Test
    void keepsEachBatchUnderTheSqsSizeLimit() {
        String padding = "p".repeat(100 * 1024);
        List<OrderReport> reports = IntStream.range(0, 3).mapToObj(i -> report("big" + i, "c", OrderStatus.PAID, padding)).toList();

        queue.enqueue(reports);

        assertThat(sqs.calls).extracting(c -> c.entries().size()).containsExactly(2, 1);
        for (SendMessageBatchRequest call : sqs.calls) {
            int bytes = call.entries().stream().mapToInt(e -> e.messageBody().getBytes(StandardCharsets.UTF_8).length).sum();
            assertThat(bytes).isLessThanOrEqualTo(OrderQueue.MAX_MESSAGE_BYTES);
        }
    }

    @Test
    void resendsOnlyTheEntriesRefusedForATransientReason() {
        sqs.answers.add(request -> answer(request, Set.of(1, 2), false));
        List<OrderReport> reports = List.of(report("a", "c1"), report("b", "c2"), report("c", "c3"));

        queue.enqueue(reports);

        assertThat(sqs.calls).hasSize(2);
        List<SendMessageBatchRequestEntry> resent = sqs.calls.get(1).entries();
        assertThat(resent).extracting(e -> OrderReportJson.read(e.messageBody()).orderId()).containsExactly("b", "c");
        assertThat(resent.get(0).messageDeduplicationId()).isEqualTo(sqs.calls.get(0).entries().get(1).messageDeduplicationId());
    }

    @Test
    void throwsWhenSqsKeepsRefusingSoTheClientRetries() {
        for (int i = 0; i < 5; i++) {
            sqs.answers.add(request -> answer(request, Set.of(0), false));
        }

        SdkException e = catchThrowableOfType(SdkException.class, () -> queue.enqueue(List.of(report("a", "c"))));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("1 of 1 order messages were not accepted");
        assertThat(sqs.calls).hasSize(3);
    }

    @Test
    void throwsAtOnceWhenSqsRefusesAnEntryAsInvalid() {
        sqs.answers.add(request -> answer(request, Set.of(0), true));

        SdkException e = catchThrowableOfType(SdkException.class,
                () -> queue.enqueue(List.of(report("a", "c"), report("b", "c"))));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("InvalidParameterValue");
        assertThat(sqs.calls).hasSize(1);
    }

    @Test
    void aFailedBatchStopsTheLaterOnes() {
        sqs.answers.add(SqsOrderQueueTest::acceptAll);
        sqs.answers.add(request -> answer(request, Set.of(0), true));
        List<OrderReport> reports = IntStream.range(0, 25).mapToObj(i -> report("o" + i, "c")).toList();

        assertThat(catchThrowableOfType(SdkException.class, () -> queue.enqueue(reports))).isNotNull();
        assertThat(sqs.calls).hasSize(2);
    }
}
