package org.serverlessloyalty.shared.webhook.sqs;

import java.util.ArrayList;
import java.util.List;
import org.serverlessloyalty.shared.webhook.port.WebhookQueue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The coupon-webhook queue (SQS standard): messages go out in batches of up to 10 and 200 KiB. */
public final class SqsWebhookQueue implements WebhookQueue {

    private static final int MAX_ENTRIES = 10;
    private static final int MAX_BATCH_BYTES = 200 * 1024;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsWebhookQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<String> bodies) {
        List<SendMessageBatchRequestEntry> chunk = new ArrayList<>();
        int bytes = 0;
        for (String body : bodies) {
            int size = body.length() * 3;
            if (chunk.size() == MAX_ENTRIES || (!chunk.isEmpty() && bytes + size > MAX_BATCH_BYTES)) {
                sendBatch(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(SendMessageBatchRequestEntry.builder().id("m" + chunk.size()).messageBody(body).build());
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            sendBatch(chunk);
        }
    }

    private void sendBatch(List<SendMessageBatchRequestEntry> entries) {
        List<SendMessageBatchRequestEntry> pending = entries;
        for (int attempt = 1; ; attempt++) {
            List<SendMessageBatchRequestEntry> request = pending;
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(request));
            if (!response.hasFailed() || response.failed().isEmpty()) {
                return;
            }
            var failedIds = response.failed().stream().map(f -> f.id()).toList();
            pending = request.stream().filter(e -> failedIds.contains(e.id())).toList();
            if (attempt >= 3) {
                throw SqsException.builder().message(pending.size() + " coupon-webhook messages were not accepted: "
                        + response.failed().get(0).code()).build();
            }
        }
    }
}
