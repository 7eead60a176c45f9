package org.serverlessloyalty.orders.consumer;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbCampaignRepository;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbPurchaseStore;
import org.serverlessloyalty.shared.campaign.port.CouponEvents;
import org.serverlessloyalty.shared.earning.dynamodb.DynamoDbEarningRuleRepository;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelSettings;
import org.serverlessloyalty.shared.order.dynamodb.DynamoDbOrderRepository;
import org.serverlessloyalty.shared.order.dynamodb.DynamoDbShopBalances;
import org.serverlessloyalty.shared.order.json.OrderReportJson;
import org.serverlessloyalty.shared.order.model.ApplyResult;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.port.OrderLedger;
import org.serverlessloyalty.shared.order.service.MemberEnrolment;
import org.serverlessloyalty.shared.order.service.OrderApplication;
import org.serverlessloyalty.shared.order.service.OrderPoints;
import org.serverlessloyalty.shared.platform.aws.AwsClients;
import org.serverlessloyalty.shared.platform.config.FunctionConfig;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.DynamoDbIdempotencyStore;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbMemberRepository;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsSettings;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.service.PointsSettingsCache;
import org.serverlessloyalty.shared.referral.dynamodb.DynamoDbInvitations;
import org.serverlessloyalty.shared.segment.dynamodb.DynamoDbSegmentRepository;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionRepository;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionSettings;
import org.serverlessloyalty.shared.transaction.service.LoyaltyServices;
import org.serverlessloyalty.shared.transaction.service.TransactionSettingsCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;


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
    // issue 10: h10-tx
    private final OrderPoints points;
    private final StoreAccess stores;

    /** Called by Lambda: builds the DynamoDB adapters once per instance and the order service over them. */
    public OrderConsumerHandler() {
        var config = FunctionConfig.fromEnvironment();
        var dynamoDb = AwsClients.dynamoDb();
        Clock clock = Clock.systemUTC();
        this.ledger = new OrderApplication(new DynamoDbOrderRepository(dynamoDb, config.tableName()),
                new DynamoDbGiftCodeRepository(dynamoDb, config.tableName()),
                new DynamoDbStoreRepository(dynamoDb, config.tableName()), clock, config.storeCacheTtl());
        this.metrics = BusinessMetrics.forRuntime();
        // issue 10: orders earn points exactly as a transaction registered over HTTP does: the same services over
        // the same table (earning rules, levels recalculated after each points write, first-purchase and referral
        // events).
        String table = config.tableName();
        var stores = new StoreAccess(new DynamoDbStoreRepository(dynamoDb, table), config.storeCacheTtl(), clock);
        var loyalty = new LoyaltyServices(new LoyaltyServices.Ports(stores,
                new DynamoDbMemberRepository(dynamoDb, table), new DynamoDbPointsLedger(dynamoDb, table, clock),
                new PointsSettingsCache(new DynamoDbPointsSettings(dynamoDb, table), config.storeCacheTtl(), clock),
                new DynamoDbIdempotencyStore(dynamoDb, table), new DynamoDbEarningRuleRepository(dynamoDb, table, clock),
                new DynamoDbInvitations(dynamoDb, table), new DynamoDbLevelRepository(dynamoDb, table),
                new DynamoDbLevelSettings(dynamoDb, table), new DynamoDbSegmentRepository(dynamoDb, table),
                new DynamoDbTransactionRepository(dynamoDb, table),
                new TransactionSettingsCache(new DynamoDbTransactionSettings(dynamoDb, table), config.storeCacheTtl(),
                        clock),
                config.storeCacheTtl(),
                // issue 11 (h11-instant): an order's instant_reward rules buy their coupons through the campaign
                // adapters; their coupon-created events stay due for the webhook's redrive sweep.
                new LoyaltyServices.RewardCampaigns(new DynamoDbCampaignRepository(dynamoDb, table, clock),
                        new DynamoDbPurchaseStore(dynamoDb, table, clock), CouponEvents.NONE, this.metrics)), clock);
        var members = loyalty.directory();
        var transactions = loyalty.transactions();
        this.points = new OrderPoints(transactions, new MemberEnrolment(members),
                new DynamoDbShopBalances(dynamoDb, config.tableName()), clock);
        this.stores = stores;
    }

    /** Orders only: no points are earned (the tests of the order ledger alone). */
    public OrderConsumerHandler(OrderLedger ledger, BusinessMetrics metrics) {
        this(ledger, metrics, null, null);
    }

    /** With ports: {@code points} null earns nothing. */
    public OrderConsumerHandler(OrderLedger ledger, BusinessMetrics metrics, OrderPoints points, StoreAccess stores) {
        this.ledger = ledger;
        this.metrics = metrics;
        this.points = points;
        this.stores = stores;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return context == null ? consume(event) : PowertoolsLogging.withLogging(context, () -> consume(event));
    }

    /**
     * issue 10: h10-tx. The order as the ledger now holds it earns (PAID) or gives back (CANCELLED, REFUNDED) its
     * points, exactly once however often it is delivered ({@link OrderPoints}); a failure here fails the message, whose
     * redelivery finds the order applied and finishes the points.
     */
    private void earn(OrderReport report) {
        if (points == null) {
            return;
        }
        var store = stores.store(report.store()).orElseThrow(() -> new IllegalStateException(
                "Store " + report.store() + " of an applied order is gone"));
        ledger.find(report.store(), report.orderId()).ifPresent(applied -> {
            OrderPoints.Result result = points.after(new StoreZone(store.code(), store.timezone()), applied);
            metrics.count("OrderPoints", 1, "Result", result.name());
        });
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
                earn(report);
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
