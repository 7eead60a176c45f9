package org.serverlessloyalty.local.sqs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.local.StackLog;
import org.serverlessloyalty.local.template.QueueDef;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Creates the template's queues, dead-letter queues first (the model is already in that order). */
public final class QueueProvisioner {

    private QueueProvisioner() {
    }

    /** Queue URLs by logical id. */
    public static Map<String, String> createAll(SqsClient sqs, List<QueueDef> queues) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (QueueDef queue : queues) {
            String url = sqs.createQueue(b -> b.queueName(queue.queueName())
                    .attributesWithStrings(queue.createAttributes())).queueUrl();
            if (!url.equals(queue.queueUrl())) {
                StackLog.warn("Queue " + queue.logicalId() + " is at " + url + ", not " + queue.queueUrl()
                        + " as the functions were told");
            }
            urls.put(queue.logicalId(), url);
        }
        return urls;
    }
}
