package org.serverlessloyalty.orders.queue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.serverlessloyalty.shared.order.json.OrderReportJson;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

/**
 * The order queue on an SQS FIFO queue.
 *
 * <ul>
 *   <li>{@code MessageGroupId} = {@code <store>#<customerGuid>} ({@code <store>#anonymous#<orderId>} without one): one
 *       shopper's orders are delivered, and so applied, in the order they were accepted.</li>
 *   <li>{@code MessageDeduplicationId} = hex SHA-256 of {@code store|orderId|contentHash}: the same report
 *       sent again within SQS's five-minute window is dropped by SQS; later, the consumer's ledger sees it
 *       applied already.</li>
 *   <li>Body: {@link OrderReportJson#write}.</li>
 * </ul>
 *
 * Reports go in {@code SendMessageBatch} calls of at most 10 entries and {@link OrderQueue#MAX_MESSAGE_BYTES}
 * bytes. Entries SQS refused for a transient reason are sent again (same ids, so never twice); if any is
 * still refused the call throws, and the client is told to retry.
 */
public final class SqsOrderQueue implements OrderQueue {

    private static final Logger LOG = LoggerFactory.getLogger(SqsOrderQueue.class);

    static final int MAX_BATCH_ENTRIES = 10;
    static final int MAX_ID_LENGTH = 128;
    private static final int MAX_ATTEMPTS = 3;
    /** What SQS allows in a group id: letters, digits and ASCII punctuation. */
    private static final Pattern GROUP_ID_CHARS = Pattern.compile("[\\x21-\\x7E]+");

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsOrderQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(List<OrderReport> reports) {
        List<SendMessageBatchRequestEntry> chunk = new ArrayList<>();
        int chunkBytes = 0;
        for (OrderReport report : reports) {
            String body = OrderReportJson.write(report);
            int bytes = body.getBytes(StandardCharsets.UTF_8).length;
            if (chunk.size() == MAX_BATCH_ENTRIES || (!chunk.isEmpty() && chunkBytes + bytes > MAX_MESSAGE_BYTES)) {
                send(chunk);
                chunk = new ArrayList<>();
                chunkBytes = 0;
            }
            chunk.add(message(report, body, "m" + chunk.size()));
            chunkBytes += bytes;
        }
        if (!chunk.isEmpty()) {
            send(chunk);
        }
    }

    private void send(List<SendMessageBatchRequestEntry> entries) {
        Map<String, SendMessageBatchRequestEntry> pending = new LinkedHashMap<>();
        entries.forEach(e -> pending.put(e.id(), e));
        for (int attempt = 1; ; attempt++) {
            SendMessageBatchResponse response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl)
                    .entries(List.copyOf(pending.values())));
            response.successful().forEach(ok -> pending.remove(ok.id()));
            if (pending.isEmpty()) {
                return;
            }
            List<BatchResultErrorEntry> failed = response.failed();
            boolean retryable = failed.stream().noneMatch(f -> Boolean.TRUE.equals(f.senderFault()));
            LOG.warn("SQS refused order messages", entry("refused", failed.size()), entry("attempt", attempt),
                    entry("codes", failed.stream().map(BatchResultErrorEntry::code).distinct().toList()));
            if (!retryable || attempt >= MAX_ATTEMPTS) {
                throw SqsException.builder()
                        .message(failed.size() + " of " + entries.size() + " order messages were not accepted: "
                                + failed.stream().map(f -> f.code() + " " + f.message()).distinct().toList())
                        .build();
            }
            pause(attempt);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SqsException.builder().message("Interrupted while re-sending order messages").cause(e).build();
        }
    }

    private static SendMessageBatchRequestEntry message(OrderReport report, String body, String entryId) {
        return SendMessageBatchRequestEntry.builder()
                .id(entryId)
                .messageGroupId(groupId(report))
                .messageDeduplicationId(deduplicationId(report))
                .messageBody(body)
                .build();
    }

    /** {@code <store>#<customerGuid>}; a shopper id SQS cannot carry (length, characters) is hashed instead. */
    static String groupId(OrderReport report) {
        String store = report.store().value();
        // Without a shopper there is no order to keep across orders, only within one: a group per
        // order keeps a cancellation behind its payment without serialising every anonymous order.
        String customer = report.customerGuid() == null ? "anonymous#" + report.orderId() : report.customerGuid();
        String id = store + "#" + customer;
        if (id.length() <= MAX_ID_LENGTH && GROUP_ID_CHARS.matcher(customer).matches()) {
            return id;
        }
        return store + "#sha256-" + sha256Hex(customer).substring(0, 40);
    }

    static String deduplicationId(OrderReport report) {
        String id = sha256Hex(report.store().value() + "|" + report.orderId() + "|" + OrderReportJson.contentHash(report));
        return id.length() > MAX_ID_LENGTH ? id.substring(0, MAX_ID_LENGTH) : id;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
