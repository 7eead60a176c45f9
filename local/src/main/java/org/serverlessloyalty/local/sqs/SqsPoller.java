package org.serverlessloyalty.local.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.serverlessloyalty.local.StackLog;
import org.serverlessloyalty.local.lambda.LocalFunction;
import org.serverlessloyalty.local.template.SqsEventSourceDef;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * What Lambda's SQS event source mapping does, for one {@code Type: SQS} event: long-poll the queue, hand
 * the function batches of up to {@code BatchSize} messages (waiting up to
 * {@code MaximumBatchingWindowInSeconds} to fill one), then
 * <ul>
 *   <li>on a normal return, delete the batch, except the messages listed in
 *       {@code SQSBatchResponse.batchItemFailures} when the event sets
 *       {@code FunctionResponseTypes: [ReportBatchItemFailures]};</li>
 *   <li>when the function throws, or reports a failure that names no message of the batch, delete nothing:
 *       the whole batch comes back after the queue's visibility timeout.</li>
 * </ul>
 * Messages left in the queue are received again; the queue's own {@code RedrivePolicy} (ElasticMQ applies it)
 * moves them to the dead-letter queue after {@code maxReceiveCount} receives.
 *
 * <p>One poller thread per event source (Lambda scales pollers out; locally one is enough).
 */
public final class SqsPoller implements AutoCloseable {

    private static final int MAX_RECEIVE = 10;

    private final SqsEventSourceDef source;
    private final String queueUrl;
    private final LocalFunction function;
    private final SqsClient sqs;
    private final String region;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong batches = new AtomicLong();
    private final Thread thread;
    private volatile boolean warnedIgnoredFailures;

    public SqsPoller(SqsEventSourceDef source, String queueUrl, LocalFunction function, SqsClient sqs, String region) {
        this.source = source;
        this.queueUrl = queueUrl;
        this.function = function;
        this.sqs = sqs;
        this.region = region;
        this.thread = new Thread(this::run, "sqs-poller-" + source.functionLogicalId() + "-" + source.eventName());
        this.thread.setDaemon(true);
    }

    public void start() {
        running.set(true);
        thread.start();
    }

    public SqsEventSourceDef source() {
        return source;
    }

    /** How many batches the function has been handed (for tests and diagnostics). */
    public long batchesInvoked() {
        return batches.get();
    }

    private void run() {
        while (running.get()) {
            try {
                List<Message> batch = collectBatch();
                if (!batch.isEmpty()) {
                    process(batch);
                }
            } catch (SdkException e) {
                if (!running.get()) {
                    return;
                }
                StackLog.warn(name() + ": polling " + source.queueLogicalId() + " failed: " + e.getMessage());
                pause(1000);
            } catch (RuntimeException e) {
                if (!running.get()) {
                    return;
                }
                StackLog.error(name() + ": poller error", e);
                pause(1000);
            }
        }
    }

    /** Up to BatchSize messages: one long poll, then more receives while the batching window is open. */
    private List<Message> collectBatch() {
        // by message id: a message that reappears while the window is open replaces its earlier copy
        Map<String, Message> batch = new LinkedHashMap<>();
        long windowNanos = TimeUnit.SECONDS.toNanos(source.maximumBatchingWindowSeconds());
        long deadline = 0;
        while (running.get() && batch.size() < source.batchSize()) {
            int wait;
            if (batch.isEmpty()) {
                wait = 1;
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait = left >= TimeUnit.SECONDS.toNanos(1) ? 1 : 0;
            }
            int want = Math.min(MAX_RECEIVE, source.batchSize() - batch.size());
            int waitSeconds = wait;
            List<Message> received = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                    .maxNumberOfMessages(want)
                    .waitTimeSeconds(waitSeconds)
                    .messageSystemAttributeNamesWithStrings("All")
                    .messageAttributeNames("All")).messages();
            if (batch.isEmpty() && !received.isEmpty()) {
                deadline = System.nanoTime() + windowNanos;
            }
            received.forEach(m -> {
                batch.remove(m.messageId());
                batch.put(m.messageId(), m);
            });
            if (windowNanos == 0 && !batch.isEmpty()) {
                break;
            }
            if (received.isEmpty() && !batch.isEmpty() && wait == 0) {
                pause(Math.min(100, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            }
        }
        return new ArrayList<>(batch.values());
    }

    private void process(List<Message> batch) {
        batches.incrementAndGet();
        SQSEvent event = SqsEvents.event(batch, source.queueArn(), region);
        String requestId = UUID.randomUUID().toString();
        Object result;
        try {
            result = function.invoke(event, requestId);
        } catch (RuntimeException | Error e) {
            StackLog.error(name() + " failed on a batch of " + batch.size() + " from " + source.queueLogicalId()
                    + "; the messages return after the visibility timeout", e);
            return;
        }
        Set<String> failed = failedMessageIds(result, batch);
        if (failed == null) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> deletions = new ArrayList<>();
        for (Message message : batch) {
            if (!failed.contains(message.messageId())) {
                deletions.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(deletions.size()))
                        .receiptHandle(message.receiptHandle())
                        .build());
            }
        }
        for (int from = 0; from < deletions.size(); from += MAX_RECEIVE) {
            var chunk = deletions.subList(from, Math.min(deletions.size(), from + MAX_RECEIVE));
            var response = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(chunk));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                StackLog.warn(name() + ": " + response.failed().size() + " messages could not be deleted from "
                        + source.queueLogicalId() + " (" + response.failed().get(0).message() + ")");
            }
        }
        StackLog.info(name() + " <- " + source.queueLogicalId() + ": " + batch.size() + " messages"
                + (failed.isEmpty() ? "" : ", " + failed.size() + " reported failed"));
    }

    /**
     * The message ids to keep in the queue; null when the whole batch counts as failed (a failure that names
     * no message of the batch, as Lambda treats it).
     */
    private Set<String> failedMessageIds(Object result, List<Message> batch) {
        if (!(result instanceof SQSBatchResponse response) || response.getBatchItemFailures() == null
                || response.getBatchItemFailures().isEmpty()) {
            return Set.of();
        }
        if (!source.reportBatchItemFailures()) {
            if (!warnedIgnoredFailures) {
                warnedIgnoredFailures = true;
                StackLog.warn(name() + " returned batchItemFailures but its event " + source.eventName()
                        + " does not set FunctionResponseTypes: [ReportBatchItemFailures]; like Lambda, the stack"
                        + " ignores them and deletes the whole batch");
            }
            return Set.of();
        }
        Set<String> inBatch = new HashSet<>();
        batch.forEach(m -> inBatch.add(m.messageId()));
        Set<String> failed = new HashSet<>();
        for (SQSBatchResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
            String id = failure == null ? null : failure.getItemIdentifier();
            if (id == null || id.isBlank() || !inBatch.contains(id)) {
                StackLog.warn(name() + " reported a failure for \"" + id + "\", which is no message of the batch;"
                        + " like Lambda, the stack treats the whole batch as failed");
                return null;
            }
            failed.add(id);
        }
        return failed;
    }

    private String name() {
        return function.name();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops polling; a batch being processed finishes first (up to ten seconds). */
    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
