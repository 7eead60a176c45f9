package org.serverlessloyalty.orders.consumer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.order.dynamodb.DynamoDbOrderRepository;
import org.serverlessloyalty.shared.order.json.OrderReportJson;
import org.serverlessloyalty.shared.order.model.ApplyResult;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.port.OrderLedger;
import org.serverlessloyalty.shared.order.service.OrderApplication;
import org.serverlessloyalty.shared.platform.aws.AwsClients;
import org.serverlessloyalty.shared.platform.config.FunctionConfig;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * Applies the order queue's messages (SQS FIFO, ReportBatchItemFailures). A message that fails
 * is reported, so only it comes back; later messages of the same message group in the batch are
 * reported too without being tried, so one shopper's orders still apply in order. After the
 * queue's maxReceiveCount a failing message moves to the dead-letter queue.
 */
public final class OrderConsumerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderConsumerHandler.class);

    private final OrderLedger ledger;
    private final BusinessMetrics metrics;

    /** Called by Lambda: builds the DynamoDB adapters once per instance and the order service over them. */
    public OrderConsumerHandler() {
        var config = FunctionConfig.fromEnvironment();
        var dynamoDb = AwsClients.dynamoDb();
        this.ledger = new OrderApplication(new DynamoDbOrderRepository(dynamoDb, config.tableName()),
                new DynamoDbGiftCodeRepository(dynamoDb, config.tableName()),
                new DynamoDbStoreRepository(dynamoDb, config.tableName()), Clock.systemUTC(), config.storeCacheTtl());
        this.metrics = BusinessMetrics.forRuntime();
    }

    public OrderConsumerHandler(OrderLedger ledger, BusinessMetrics metrics) {
        this.ledger = ledger;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return context == null ? consume(event) : PowertoolsLogging.withLogging(context, () -> consume(event));
    }

    private SQSBatchResponse consume(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        Set<String> failedGroups = new HashSet<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String group = message.getAttributes() == null ? null : message.getAttributes().get("MessageGroupId");
            if (group != null && failedGroups.contains(group)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                continue;
            }
            try {
                OrderReport report = OrderReportJson.read(message.getBody());
                ApplyResult result = ledger.apply(report, OrderReportJson.contentHash(report));
                LOG.info("Order applied", entry("store", report.store().value()), entry("orderId", report.orderId()),
                        entry("status", report.status().name()), entry("result", result.name()),
                        entry("messageId", message.getMessageId()));
                metrics.count("OrdersApplied", 1, "Result", result.name());
            } catch (RuntimeException e) {
                LOG.error("Order message failed; it will be retried, then dead-lettered",
                        entry("messageId", message.getMessageId()), entry("group", group),
                        entry("receiveCount", message.getAttributes() == null ? null
                                : message.getAttributes().get("ApproximateReceiveCount")), e);
                metrics.count("OrderMessagesFailed", 1, "Error", e.getClass().getSimpleName());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                if (group != null) {
                    failedGroups.add(group);
                }
            }
        }
        return new SQSBatchResponse(failures);
    }
}
