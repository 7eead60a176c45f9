package org.serverlessloyalty.webhooks;

import java.util.ArrayList;
import java.util.List;
import org.serverlessloyalty.shared.webhook.rules.Backoff;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** {@link DeliveryQueue} on SQS (standard queues). */
public final class SqsDeliveryQueue implements DeliveryQueue {

    private final SqsClient sqs;
    private final String queueUrl;
    private final String deadLetterQueueUrl;

    public SqsDeliveryQueue(SqsClient sqs, String queueUrl, String deadLetterQueueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    @Override
    public void sendDeliveries(List<String> bodies) {
        for (int from = 0; from < bodies.size(); from += 10) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            for (String body : bodies.subList(from, Math.min(bodies.size(), from + 10))) {
                entries.add(SendMessageBatchRequestEntry.builder().id("d" + entries.size()).messageBody(body).build());
            }
            List<SendMessageBatchRequestEntry> pending = entries;
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                List<SendMessageBatchRequestEntry> request = pending;
                var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(request));
                var failed = response.hasFailed() ? response.failed().stream().map(f -> f.id()).toList() : List.<String>of();
                pending = request.stream().filter(e -> failed.contains(e.id())).toList();
                if (!pending.isEmpty() && attempt >= 3) {
                    throw SqsException.builder().message(pending.size() + " DELIVER messages were not accepted: "
                            + response.failed().get(0).code()).build();
                }
            }
        }
    }

    @Override
    public void retryAfter(String receiptHandle, long seconds) {
        int timeout = (int) Math.max(0, Math.min(Backoff.MAX_SECONDS, seconds));
        sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(timeout));
    }

    @Override
    public void deadLetter(String body) {
        sqs.sendMessage(b -> b.queueUrl(deadLetterQueueUrl).messageBody(body));
    }
}
