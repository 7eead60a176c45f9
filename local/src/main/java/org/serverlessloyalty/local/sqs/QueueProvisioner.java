package org.serverlessloyalty.local.sqs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.local.StackLog;
import org.serverlessloyalty.local.template.QueueDef;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * Makes ElasticMQ's queues what the template declares, dead-letter queues first (the model is already in that
 * order). On a fresh start that is one CreateQueue each. With a data directory the queues restored from the last
 * run are kept with their messages, but their attributes are set again from the template (a changed
 * {@code VisibilityTimeout} or {@code maxReceiveCount} takes effect; one the template no longer sets goes back
 * to SQS's default), and a restored queue the template no longer declares is deleted.
 */
public final class QueueProvisioner {

    /** SQS's values for the attributes a template may leave out, so removing one from the template resets it. */
    private static final Map<String, String> SQS_DEFAULTS = Map.of(
            "VisibilityTimeout", "30",
            "MessageRetentionPeriod", "345600",
            "DelaySeconds", "0",
            "MaximumMessageSize", "262144",
            "ReceiveMessageWaitTimeSeconds", "0");

    private QueueProvisioner() {
    }

    /** Queue URLs by logical id. */
    public static Map<String, String> createAll(SqsClient sqs, List<QueueDef> queues) {
        Set<String> existing = new LinkedHashSet<>();
        sqs.listQueuesPaginator(b -> b.maxResults(1000)).queueUrls()
                .forEach(url -> existing.add(url.substring(url.lastIndexOf('/') + 1)));
        Map<String, String> urls = new LinkedHashMap<>();
        Set<String> declared = new HashSet<>();
        for (QueueDef queue : queues) {
            declared.add(queue.queueName());
            String url = existing.contains(queue.queueName()) ? update(sqs, queue) : create(sqs, queue);
            if (!url.equals(queue.queueUrl())) {
                StackLog.warn("Queue " + queue.logicalId() + " is at " + url + ", not " + queue.queueUrl()
                        + " as the functions were told");
            }
            urls.put(queue.logicalId(), url);
        }
        existing.stream().filter(name -> !declared.contains(name)).forEach(name -> deleteUndeclared(sqs, name));
        return urls;
    }

    private static String create(SqsClient sqs, QueueDef queue) {
        return sqs.createQueue(b -> b.queueName(queue.queueName()).attributesWithStrings(queue.createAttributes()))
                .queueUrl();
    }

    /**
     * A restored queue: its messages stay, its attributes become the template's. Each changed one is set on its
     * own, because ElasticMQ refuses to change some (it cannot remove a {@code RedrivePolicy} nor change
     * {@code ContentBasedDeduplication}): an empty queue is then recreated from the template, one holding messages is
     * kept as it is, with a warning. {@code FifoQueue} cannot differ (a FIFO queue's name ends in {@code .fifo}, so a
     * change is another queue).
     */
    private static String update(SqsClient sqs, QueueDef queue) {
        String url = sqs.getQueueUrl(b -> b.queueName(queue.queueName())).queueUrl();
        Map<String, String> wanted = new LinkedHashMap<>(SQS_DEFAULTS);
        wanted.putAll(queue.createAttributes());
        wanted.remove("FifoQueue");
        Map<String, String> current = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributesAsStrings();
        if (queue.redrive() == null && current.containsKey("RedrivePolicy")) {
            wanted.put("RedrivePolicy", "");
        }
        List<String> refused = new ArrayList<>();
        wanted.forEach((name, value) -> {
            if (value.equals(current.getOrDefault(name, ""))
                    || !current.containsKey(name) && !name.equals("RedrivePolicy")) {
                return; // unchanged, or one ElasticMQ does not keep (MessageRetentionPeriod, MaximumMessageSize)
            }
            try {
                sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(Map.of(name, value)));
            } catch (SqsException e) {
                refused.add(name + "=" + current.get(name) + " (template: \"" + value + "\")");
            }
        });
        if (refused.isEmpty()) {
            return url;
        }
        if (messageCount(sqs, url) == 0) {
            sqs.deleteQueue(b -> b.queueUrl(url));
            return create(sqs, queue);
        }
        StackLog.warn("Queue " + queue.logicalId() + " holds messages and keeps " + String.join(", ", refused)
                + " from the last run: ElasticMQ cannot change that on a queue. Once it is empty, restart the stack"
                + " to recreate it from the template.");
        return url;
    }

    private static long messageCount(SqsClient sqs, String url) {
        return sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                .attributesAsStrings().values().stream().mapToLong(Long::parseLong).sum();
    }

    private static void deleteUndeclared(SqsClient sqs, String name) {
        String url = sqs.getQueueUrl(b -> b.queueName(name)).queueUrl();
        long messages = messageCount(sqs, url);
        sqs.deleteQueue(b -> b.queueUrl(url));
        StackLog.warn("Deleted queue " + name + " from the data directory: the template no longer declares it ("
                + messages + " messages dropped)");
    }
}
