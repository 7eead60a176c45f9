package org.serverlessloyalty.local.template;

import java.util.LinkedHashMap;
import java.util.Map;

/** An {@code AWS::SQS::Queue}: its name (the logical id unless {@code QueueName} says), URL, ARN and attributes. */
public record QueueDef(String logicalId, String queueName, String queueUrl, String arn, boolean fifo,
                       boolean contentBasedDeduplication, Integer visibilityTimeout, Integer messageRetentionPeriod,
                       Integer delaySeconds, Integer maximumMessageSize, Integer receiveMessageWaitTimeSeconds,
                       Redrive redrive) {

    /** {@code RedrivePolicy}: after {@code maxReceiveCount} receives a message moves to the dead-letter queue. */
    public record Redrive(String deadLetterTargetArn, String deadLetterQueueLogicalId, int maxReceiveCount) {
    }

    /** The attributes of {@code CreateQueue}, as SQS names them. */
    public Map<String, String> createAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (fifo) {
            attributes.put("FifoQueue", "true");
            attributes.put("ContentBasedDeduplication", Boolean.toString(contentBasedDeduplication));
        }
        put(attributes, "VisibilityTimeout", visibilityTimeout);
        put(attributes, "MessageRetentionPeriod", messageRetentionPeriod);
        put(attributes, "DelaySeconds", delaySeconds);
        put(attributes, "MaximumMessageSize", maximumMessageSize);
        put(attributes, "ReceiveMessageWaitTimeSeconds", receiveMessageWaitTimeSeconds);
        if (redrive != null) {
            attributes.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + redrive.deadLetterTargetArn()
                    + "\",\"maxReceiveCount\":\"" + redrive.maxReceiveCount() + "\"}");
        }
        return attributes;
    }

    /** SQS's default when the template sets none. */
    public int visibilityTimeoutOrDefault() {
        return visibilityTimeout == null ? 30 : visibilityTimeout;
    }

    private static void put(Map<String, String> attributes, String name, Integer value) {
        if (value != null) {
            attributes.put(name, value.toString());
        }
    }
}
