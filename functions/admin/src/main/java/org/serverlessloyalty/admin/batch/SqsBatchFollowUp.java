package org.serverlessloyalty.admin.batch;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.serverlessloyalty.shared.giftcode.port.BatchFollowUp;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.sqs.SqsClient;

/** A delayed message on the gift-code batch queue: {@code {"store":"13","batchId":"..."}}. */
public final class SqsBatchFollowUp implements BatchFollowUp {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsBatchFollowUp(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void checkLater(StoreCode store, String batchId, Duration delay) {
        // SQS delays a message by at most 15 minutes; the handler sends itself another one if it must wait longer.
        long seconds = Math.max(0, Math.min(MAX_DELAY.toSeconds(), delay.toSeconds()));
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body(store, batchId)).delaySeconds((int) seconds));
    }

    static String body(StoreCode store, String batchId) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("store", store.value());
        body.put("batchId", batchId);
        return Json.write(body);
    }
}
