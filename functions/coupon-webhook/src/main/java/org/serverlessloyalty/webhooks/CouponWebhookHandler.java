package org.serverlessloyalty.webhooks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.serverlessloyalty.shared.platform.aws.AwsClients;
import org.serverlessloyalty.shared.platform.config.FunctionConfig;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.webhook.dynamodb.DynamoDbWebhookStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * Consumes the coupon-webhook queue (SQS standard, ReportBatchItemFailures): fans COUPONS_CREATED out into
 * DELIVER messages and delivers them ({@link CouponWebhookDispatcher}). A message to retry later has had its
 * visibility timeout set to the backoff and is reported as a batch item failure; an unexpected error is reported
 * too and comes back after the queue's visibility timeout.
 */
public final class CouponWebhookHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private static final Logger LOG = LoggerFactory.getLogger(CouponWebhookHandler.class);

    private final CouponWebhookDispatcher dispatcher;
    private final BusinessMetrics metrics;

    /** Called by Lambda: builds the adapters once per instance. */
    public CouponWebhookHandler() {
        var config = FunctionConfig.fromEnvironment();
        var settings = WebhookSettings.fromEnvironment();
        SqsClient sqs = AwsClients.configure(SqsClient.builder(), "SQS_ENDPOINT").build();
        this.metrics = BusinessMetrics.forRuntime();
        this.dispatcher = new CouponWebhookDispatcher(
                new DynamoDbWebhookStore(AwsClients.dynamoDb(), config.tableName()),
                new SqsDeliveryQueue(sqs, LambdaEnvironment.require("COUPON_WEBHOOK_QUEUE_URL"),
                        LambdaEnvironment.require("COUPON_WEBHOOK_DLQ_URL")),
                new HttpWebhookSender(settings.connectTimeoutMillis(), settings.readTimeoutMillis(),
                        LambdaEnvironment.isLocal()),
                settings, metrics, Clock.systemUTC(), new SecureRandom());
    }

    public CouponWebhookHandler(CouponWebhookDispatcher dispatcher, BusinessMetrics metrics) {
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return context == null ? consume(event) : PowertoolsLogging.withLogging(context, () -> consume(event));
    }

    private SQSBatchResponse consume(SQSEvent event) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            try {
                if (dispatcher.handle(message.getBody(), message.getReceiptHandle())
                        == CouponWebhookDispatcher.Outcome.RETRY) {
                    failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
                }
            } catch (RuntimeException e) {
                LOG.error("Coupon-webhook message failed; it returns after the visibility timeout",
                        entry("messageId", message.getMessageId()), e);
                metrics.count("CouponWebhookMessagesFailed", 1, "Error", e.getClass().getSimpleName());
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
