package org.serverlessloyalty.orders.consumer;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.order.json.OrderReportJson;
import org.serverlessloyalty.shared.order.model.AppliedOrder;
import org.serverlessloyalty.shared.order.model.ApplyResult;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.order.port.OrderLedger;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.model.StoreCode;

import static org.assertj.core.api.Assertions.assertThat;

class OrderConsumerHandlerTest {

    /** Applies in memory; fails for the order ids it is told to. */
    private static final class FakeLedger implements OrderLedger {
        final List<String> applied = new ArrayList<>();
        final List<String> failing = new ArrayList<>();

        @Override
        public ApplyResult apply(OrderReport report, String contentHash) {
            if (failing.contains(report.orderId())) {
                throw new IllegalStateException("boom " + report.orderId());
            }
            applied.add(report.orderId());
            return ApplyResult.RECORDED;
        }

        @Override
        public Optional<AppliedOrder> find(StoreCode store, String orderId) {
            return Optional.empty();
        }
    }

    private static SQSEvent.SQSMessage message(String id, String group, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setBody(body);
        m.setAttributes(Map.of("MessageGroupId", group, "ApproximateReceiveCount", "1"));
        return m;
    }

    private static String order(String orderId) {
        return OrderReportJson.write(new OrderReport(new StoreCode("s"), orderId, OrderSource.CIBLER, OrderStatus.PAID,
                "c", null, BigDecimal.TEN, null, null, null, List.of(), List.of(), Map.of()));
    }

    private static List<String> failedIds(SQSBatchResponse response) {
        return response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
    }

    @Test
    void reportsOnlyThePoisonMessageAndAppliesTheOthers() {
        FakeLedger ledger = new FakeLedger();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            records.add(message("m" + i, "s#c" + i, i == 4 ? "{not json" : order("o" + i)));
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);

        var response = new OrderConsumerHandler(ledger, BusinessMetrics.NONE).handleRequest(event, null);

        assertThat(failedIds(response)).containsExactly("m4");
        assertThat(ledger.applied).containsExactly("o0", "o1", "o2", "o3", "o5", "o6", "o7", "o8", "o9");
    }

    @Test
    void afterAFailureTheRestOfThatShoppersGroupWaitsSoOrdersStayInOrder() {
        FakeLedger ledger = new FakeLedger();
        ledger.failing.add("pay");
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(
                message("1", "s#alice", order("pay")),
                message("2", "s#bob", order("other")),
                message("3", "s#alice", order("cancel"))));

        var response = new OrderConsumerHandler(ledger, BusinessMetrics.NONE).handleRequest(event, null);

        assertThat(failedIds(response)).containsExactly("1", "3");
        assertThat(ledger.applied).containsExactly("other");
    }

    @Test
    void anEmptyResponseMeansTheWholeBatchSucceeded() {
        FakeLedger ledger = new FakeLedger();
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("1", "s#a", order("a")), message("2", "s#b", order("b"))));
        assertThat(new OrderConsumerHandler(ledger, BusinessMetrics.NONE).handleRequest(event, null)
                .getBatchItemFailures()).isEmpty();
        assertThat(ledger.applied).containsExactly("a", "b");
    }
}
