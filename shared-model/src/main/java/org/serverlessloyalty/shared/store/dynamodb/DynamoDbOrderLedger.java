package org.serverlessloyalty.shared.store.dynamodb;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.model.CodeValue;
import org.serverlessloyalty.shared.model.GiftCode;
import org.serverlessloyalty.shared.model.StoreCode;
import org.serverlessloyalty.shared.model.ValidationReason;
import org.serverlessloyalty.shared.model.order.AppliedOrder;
import org.serverlessloyalty.shared.model.order.ApplyResult;
import org.serverlessloyalty.shared.model.order.OrderReport;
import org.serverlessloyalty.shared.model.order.OrderStatus;
import org.serverlessloyalty.shared.model.order.Redemption;
import org.serverlessloyalty.shared.store.GiftCodeRepository;
import org.serverlessloyalty.shared.store.OrderLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Applies orders in DynamoDB transactions. A PAID order is one transaction: the order (only if no
 * order with this id exists), one use of each code (only while {@code usedCount < numberOfUsage}),
 * one use against the shopper's per-customer limit (only while below it) and a redemption record
 * per code. When a code's condition fails the transaction is cancelled, that code is marked
 * CONFLICT with its reason and the order is written again without its use: an order is never lost.
 */
public final class DynamoDbOrderLedger implements OrderLedger {

    /** Each retry drops at least one code or waits out a transaction conflict. */
    private static final int MAX_ATTEMPTS = 25;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final GiftCodeRepository codes;
    private final DynamoDbStoreRepository stores;
    private final Clock clock;
    private final java.util.Set<StoreCode> knownStores = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public DynamoDbOrderLedger(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.codes = new DynamoDbGiftCodeRepository(dynamoDb, table);
        this.stores = new DynamoDbStoreRepository(dynamoDb, table);
        this.clock = clock;
    }

    @Override
    public ApplyResult apply(OrderReport report, String contentHash) {
        requireStore(report.store());
        for (int attempt = 1; ; attempt++) {
            Optional<ApplyResult> result = report.status() == OrderStatus.PAID
                    ? record(report, contentHash)
                    : release(report, contentHash);
            if (result.isPresent()) {
                return result.get();
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw new IllegalStateException("Order " + report.orderId() + " kept conflicting; will be retried");
            }
            pause(attempt);
        }
    }

    /**
     * Stores are never deleted, so one seen is remembered for this instance's life; one not seen
     * is read again every time, so an order waiting for its store applies as soon as it exists.
     */
    private void requireStore(StoreCode store) {
        if (!knownStores.contains(store)) {
            if (stores.find(store).isEmpty()) {
                throw new UnknownStoreException(store);
            }
            knownStores.add(store);
        }
    }

    /** Records a PAID order; empty when a concurrent transaction got in the way (try again). */
    private Optional<ApplyResult> record(OrderReport report, String contentHash) {
        Instant now = clock.instant();
        List<CodeValue> wanted = report.giftCodes().stream().distinct().toList();
        Map<CodeValue, GiftCode> known = new LinkedHashMap<>();
        // The terms (existence, per-customer limit) never change after creation; the counters are
        // only ever touched through the conditions below.
        for (CodeValue code : wanted) {
            codes.find(report.store(), code).ifPresent(c -> known.put(code, c));
        }
        Map<CodeValue, ValidationReason> conflicts = new LinkedHashMap<>();
        wanted.stream().filter(c -> !known.containsKey(c)).forEach(c -> conflicts.put(c, ValidationReason.NOT_FOUND));

        for (int round = 0; round <= wanted.size(); round++) {
            List<TransactWriteItem> items = new ArrayList<>();
            Map<Integer, Runnable> failureHandlers = new LinkedHashMap<>();
            items.add(TransactWriteItem.builder().put(p -> p.tableName(table)
                    .item(OrderItemMapper.orderItem(report, contentHash, now))
                    .conditionExpression("attribute_not_exists(pk)")).build());
            for (CodeValue code : wanted) {
                if (conflicts.containsKey(code)) {
                    items.add(put(OrderItemMapper.redemptionItem(report.store(), report.orderId(),
                            new Redemption(code, Redemption.Outcome.CONFLICT, conflicts.get(code), false), now)));
                    continue;
                }
                GiftCode terms = known.get(code);
                failureHandlers.put(items.size(), () -> conflicts.putIfAbsent(code, ValidationReason.USAGE_EXHAUSTED));
                items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(TableKeys.code(report.store(), code))
                        .updateExpression("SET usedCount = if_not_exists(usedCount, :zero) + :one")
                        .conditionExpression("attribute_exists(pk) AND "
                                + "(attribute_not_exists(numberOfUsage) OR usedCount < numberOfUsage)")
                        .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"),
                                ":one", AttributeValue.fromN("1")))).build());
                boolean perCustomer = terms.terms().perCustomerLimit() != null && report.customerGuid() != null;
                if (perCustomer) {
                    failureHandlers.put(items.size(), () -> conflicts.putIfAbsent(code, ValidationReason.CUSTOMER_LIMIT_REACHED));
                    items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                            .key(TableKeys.customerUses(report.store(), code, report.customerGuid()))
                            .updateExpression("SET uses = if_not_exists(uses, :zero) + :one, #type = :type")
                            .conditionExpression("attribute_not_exists(uses) OR uses < :limit")
                            .expressionAttributeNames(Map.of("#type", "type"))
                            .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"),
                                    ":one", AttributeValue.fromN("1"),
                                    ":type", AttributeValue.fromS("CUSTOMER_USES"),
                                    ":limit", AttributeValue.fromN(terms.terms().perCustomerLimit().toString()))))
                            .build());
                }
                items.add(put(OrderItemMapper.redemptionItem(report.store(), report.orderId(),
                        new Redemption(code, Redemption.Outcome.APPLIED, null, perCustomer), now)));
            }
            try {
                dynamoDb.transactWriteItems(b -> b.transactItems(items));
                return Optional.of(ApplyResult.RECORDED);
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failed(reasons, 0)) {
                    return Optional.of(ApplyResult.UNCHANGED); // this order id was applied already
                }
                if (reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) {
                    return Optional.empty();
                }
                boolean dropped = false;
                for (var handler : failureHandlers.entrySet()) {
                    if (failed(reasons, handler.getKey())) {
                        handler.getValue().run();
                        dropped = true;
                    }
                }
                if (!dropped) {
                    throw e; // cancelled for a reason that is not ours to decide (validation, throttling)
                }
            }
        }
        throw new IllegalStateException("Order " + report.orderId() + " could not settle its codes");
    }

    /** Gives back what a PAID order took; empty when a concurrent change got in the way (try again). */
    private Optional<ApplyResult> release(OrderReport report, String contentHash) {
        Instant now = clock.instant();
        Optional<AppliedOrder> existing = find(report.store(), report.orderId());
        if (existing.isEmpty()) {
            // Cancelled before its payment was reported: record it so a late PAID changes nothing.
            try {
                dynamoDb.putItem(b -> b.tableName(table).item(OrderItemMapper.orderItem(report, contentHash, now))
                        .conditionExpression("attribute_not_exists(pk)"));
                return Optional.of(ApplyResult.RECORDED);
            } catch (ConditionalCheckFailedException raced) {
                return Optional.empty();
            }
        }
        if (existing.get().order().status() != OrderStatus.PAID) {
            return Optional.of(ApplyResult.UNCHANGED);
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(TableKeys.order(report.store(), report.orderId()))
                .updateExpression("SET #status = :new, updatedAt = :now")
                .conditionExpression("#status = :paid")
                .expressionAttributeNames(Map.of("#status", OrderItemMapper.STATUS))
                .expressionAttributeValues(Map.of(":new", AttributeValue.fromS(report.status().name()),
                        ":paid", AttributeValue.fromS(OrderStatus.PAID.name()),
                        ":now", AttributeValue.fromS(now.toString())))).build());
        for (Redemption r : existing.get().redemptions()) {
            if (r.outcome() != Redemption.Outcome.APPLIED) {
                continue;
            }
            items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(TableKeys.code(report.store(), r.code()))
                    .updateExpression("SET usedCount = usedCount - :one")
                    .conditionExpression("usedCount > :zero")
                    .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"),
                            ":one", AttributeValue.fromN("1")))).build());
            String customer = existing.get().order().customerGuid();
            if (r.customerCounted() && customer != null) {
                items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(TableKeys.customerUses(report.store(), r.code(), customer))
                        .updateExpression("SET uses = uses - :one")
                        .conditionExpression("uses > :zero")
                        .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"),
                                ":one", AttributeValue.fromN("1")))).build());
            }
            items.add(put(OrderItemMapper.redemptionItem(report.store(), report.orderId(),
                    new Redemption(r.code(), Redemption.Outcome.RELEASED, null, r.customerCounted()), now)));
        }
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(items));
            return Optional.of(ApplyResult.RELEASED);
        } catch (TransactionCanceledException e) {
            if (failed(e.cancellationReasons(), 0)) {
                return Optional.of(ApplyResult.UNCHANGED); // released by a concurrent delivery
            }
            if (e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<AppliedOrder> find(StoreCode store, String orderId) {
        Map<String, AttributeValue> order = null;
        List<Redemption> redemptions = new ArrayList<>();
        var pages = dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.orderPartition(store, orderId)))));
        for (Map<String, AttributeValue> item : pages.items()) {
            String sk = item.get(TableKeys.SK).s();
            if (sk.equals(TableKeys.ORDER_SK)) {
                order = item;
            } else if (sk.startsWith(TableKeys.REDEMPTION_SK_PREFIX)) {
                redemptions.add(OrderItemMapper.redemption(item));
            }
        }
        if (order == null) {
            return Optional.empty();
        }
        return Optional.of(new AppliedOrder(OrderItemMapper.report(order), Attributes.string(order, "contentHash"),
                redemptions, Attributes.instant(order, "appliedAt"), Attributes.instant(order, "updatedAt")));
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(500, 5L * attempt * attempt) + (long) (Math.random() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an order", e);
        }
    }
}
