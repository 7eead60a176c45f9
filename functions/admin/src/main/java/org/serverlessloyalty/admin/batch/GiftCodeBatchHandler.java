package org.serverlessloyalty.admin.batch;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.serverlessloyalty.shared.webhook.service.CouponCreatedEvents;
import org.serverlessloyalty.shared.webhook.sqs.SqsWebhookQueue;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeBatch;
import org.serverlessloyalty.shared.giftcode.port.BatchFollowUp;
import org.serverlessloyalty.shared.giftcode.rules.CodeGenerator;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeCatalog;
import org.serverlessloyalty.shared.platform.aws.AwsClients;
import org.serverlessloyalty.shared.platform.config.FunctionConfig;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.webhook.dynamodb.DynamoDbWebhookStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * The gift-code batch follow-up (SQS, ReportBatchItemFailures): for each {@code {"store","batchId"}}
 * message, {@link GiftCodeCatalog#check} finishes a committed batch (and emits its coupon-created
 * events if its writer could not), gives up one whose writer is gone, or asks to look again when the
 * writer's lease runs out. A failure is reported and the message comes back after the visibility timeout.
 */
public final class GiftCodeBatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(GiftCodeBatchHandler.class);

    private final GiftCodeCatalog catalog;
    private final BatchFollowUp followUp;
    private final CouponCreatedEvents events;
    private final BusinessMetrics metrics;
    private final Clock clock;

    /** Called by Lambda: builds the adapters once per instance. */
    public GiftCodeBatchHandler() {
        var config = FunctionConfig.fromEnvironment();
        var dynamoDb = AwsClients.dynamoDb();
        SqsClient sqs = AwsClients.configure(SqsClient.builder(), "SQS_ENDPOINT").build();
        this.clock = Clock.systemUTC();
        this.metrics = BusinessMetrics.forRuntime();
        this.followUp = new SqsBatchFollowUp(sqs, LambdaEnvironment.require("GIFT_CODE_BATCH_QUEUE_URL"));
        this.catalog = new GiftCodeCatalog(new DynamoDbGiftCodeRepository(dynamoDb, config.tableName()),
                new CodeGenerator(), clock, followUp, GiftCodeCatalog.DEFAULT_LEASE);
        this.events = new CouponCreatedEvents(new DynamoDbWebhookStore(dynamoDb, config.tableName()),
                new SqsWebhookQueue(sqs, LambdaEnvironment.require("COUPON_WEBHOOK_QUEUE_URL")), metrics, clock);
    }

    /** With ports; {@code events} null emits nothing (no webhook wired). */
    public GiftCodeBatchHandler(GiftCodeCatalog catalog, BatchFollowUp followUp, CouponCreatedEvents events,
                                BusinessMetrics metrics, Clock clock) {
        this.catalog = catalog;
        this.followUp = followUp;
        this.events = events;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return context == null ? consume(event) : PowertoolsLogging.withLogging(context, () -> consume(event));
    }

    private SQSBatchResponse consume(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                handle(message.getBody());
            } catch (RuntimeException e) {
                LOG.error("Gift-code batch message failed; it returns after the visibility timeout",
                        entry("messageId", message.getMessageId()), e);
                metrics.count("GiftCodeBatchMessagesFailed", 1, "Error", e.getClass().getSimpleName());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private void handle(String body) {
        JsonNode json = Json.parseObject(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String batchId = json.path("batchId").asText("");
        String storeCode = json.path("store").asText("");
        if (!batchId.matches(GiftCodeBatch.ID_PATTERN) || !storeCode.matches("[A-Za-z0-9-]{1,64}")) {
            // Not a message of ours: retrying it would never succeed.
            LOG.warn("Gift-code batch message ignored: no store or batch id", entry("body", body));
            return;
        }
        StoreCode store = new StoreCode(storeCode);
        GiftCodeCatalog.Check check = catalog.check(store, batchId);
        if (!check.eventsDue().isEmpty()) {
            if (events != null) {
                events.codesCreated(store, check.eventsDue());
            }
            catalog.eventsEmitted(store, batchId);
        }
        if (check.checkAgainAt().isPresent()) {
            Duration wait = Duration.between(clock.instant(), check.checkAgainAt().get());
            followUp.checkLater(store, batchId, wait.isNegative() ? Duration.ZERO : wait.plusSeconds(1));
            metrics.count("GiftCodeBatchChecks", 1, "Outcome", "LATER");
        } else {
            metrics.count("GiftCodeBatchChecks", 1, "Outcome", "DONE");
        }
        LOG.info("Gift-code batch checked", entry("store", store.value()), entry("batchId", batchId),
                entry("again", check.checkAgainAt().map(Object::toString).orElse("no")));
    }
}
