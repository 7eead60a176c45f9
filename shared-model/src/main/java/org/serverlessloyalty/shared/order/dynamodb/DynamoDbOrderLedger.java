package org.serverlessloyalty.shared.order.dynamodb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeKeys;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.rules.GiftCodeRules;
import org.serverlessloyalty.shared.order.model.AppliedOrder;
import org.serverlessloyalty.shared.order.model.ApplyResult;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.order.model.Redemption;
import org.serverlessloyalty.shared.order.port.OrderLedger;
import org.serverlessloyalty.shared.platform.dynamodb.Attributes;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
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
 * A code that is not usable on the order's date (before {@code activeFrom}, after {@code expirationDate},
 * in the store's time zone) is CONFLICT from the start and takes no use.
 *
 * <p>Only trusted reports (CibleR, CitrusAd: the store's secret key) are orders. A beacon report (the public
 * publishable key) is kept in its own item of the order's partition, once per order id: it takes no code use
 * and can neither block, replace nor cancel the order the storefront reports, whichever arrives first.
 */
public final class DynamoDbOrderLedger implements OrderLedger {

    /** Each retry drops at least one code or waits out a transaction conflict. */
    private static final int MAX_ATTEMPTS = 25;
    /** How long the store (its time zone) is remembered when the caller does not say: StoreCacheSeconds' default. */
    private static final Duration DEFAULT_STORE_CACHE_TTL = Duration.ofSeconds(30);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final GiftCodeRepository codes;
    private final DynamoDbStoreRepository stores;
    private final Clock clock;
    private final long storeCacheMillis;
    private final Map<StoreCode, KnownStore> knownStores = new ConcurrentHashMap<>();

    private record KnownStore(Store store, long expiresAtMillis) {
    }

    public DynamoDbOrderLedger(DynamoDbClient dynamoDb, String table, Clock clock) {
        this(dynamoDb, table, clock, DEFAULT_STORE_CACHE_TTL);
    }

    /** @param storeCacheTtl how long a store's settings (its time zone) are reused before being read again */
    public DynamoDbOrderLedger(DynamoDbClient dynamoDb, String table, Clock clock, Duration storeCacheTtl) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.codes = new DynamoDbGiftCodeRepository(dynamoDb, table);
        this.stores = new DynamoDbStoreRepository(dynamoDb, table);
        this.clock = clock;
        this.storeCacheMillis = storeCacheTtl.toMillis();
    }

    @Override
    public ApplyResult apply(OrderReport report, String contentHash) {
        Store store = requireStore(report.store());
        if (!report.source().trusted()) {
            return recordBeacon(report, contentHash);
        }
        for (int attempt = 1; ; attempt++) {
            Optional<ApplyResult> result = report.status() == OrderStatus.PAID
                    ? record(report, contentHash, store)
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
     * The store, for its time zone. A store seen is reused for {@code storeCacheTtl} (a time zone changed
     * meanwhile shows within it); one not found is read again every time, so an order waiting for its
     * store applies as soon as it exists.
     */
    private Store requireStore(StoreCode code) {
        long now = clock.millis();
        KnownStore known = knownStores.get(code);
        if (known != null && known.expiresAtMillis() > now) {
            return known.store();
        }
        Store store = stores.find(code).orElseThrow(() -> new UnknownStoreException(code));
        knownStores.put(code, new KnownStore(store, now + storeCacheMillis));
        return store;
    }

    /**
     * Keeps the beacon's report beside the order, the first one per order id; later ones change nothing.
     * It writes nothing else: whatever it says (codes, a status), the trusted order and the codes stay as they are.
     */
    private ApplyResult recordBeacon(OrderReport report, String contentHash) {
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(OrderItemMapper.beaconItem(report, contentHash, clock.instant()))
                    .conditionExpression("attribute_not_exists(pk)"));
            return ApplyResult.RECORDED;
        } catch (ConditionalCheckFailedException alreadyReported) {
            return ApplyResult.UNCHANGED;
        }
    }

    /** Why a code's use condition failed: it was voided meanwhile, else its uses ran out. */
    private ValidationReason exhaustedOrVoided(StoreCode store, CodeValue code) {
        return codes.find(store, code).filter(GiftCode::voided).isPresent()
                ? ValidationReason.VOIDED : ValidationReason.USAGE_EXHAUSTED;
    }

    /** When the order was placed: its {@code orderDate} when the report gives one, else when it is applied. */
    static Instant orderTime(OrderReport report, Instant appliedAt) {
        return report.orderDate() == null ? appliedAt : report.orderDate().toInstant();
    }

    /**
     * The codes that cannot take a use whatever the counters say: unknown to the store or of a creation
     * that never committed (NOT_FOUND), voided (VOIDED), or not usable at the order's time by the rules
     * validation applies (NOT_YET_ACTIVE, EXPIRED), in {@code wanted} order.
     */
    static Map<CodeValue, ValidationReason> refusedBeforeWriting(List<CodeValue> wanted,
                                                                 Map<CodeValue, GiftCodeRepository.CodeRead> known,
                                                                 Instant orderTime, ZoneId zone) {
        Map<CodeValue, ValidationReason> refused = new LinkedHashMap<>();
        for (CodeValue code : wanted) {
            GiftCodeRepository.CodeRead read = known.get(code);
            if (read == null) {
                refused.put(code, ValidationReason.NOT_FOUND);
            } else {
                GiftCodeRules.unavailability(read.code(), read.batchOfPending(), orderTime, zone)
                        .ifPresent(reason -> refused.put(code, reason));
            }
        }
        return refused;
    }

    /** Records a PAID order; empty when a concurrent transaction got in the way (try again). */
    private Optional<ApplyResult> record(OrderReport report, String contentHash, Store store) {
        Instant now = clock.instant();
        List<CodeValue> wanted = report.giftCodes().stream().distinct().toList();
        Map<CodeValue, GiftCodeRepository.CodeRead> known = new LinkedHashMap<>();
        // The terms (existence, dates, per-customer limit) are fixed at creation; the counters and the
        // void mark are only ever relied on through the conditions below.
        for (CodeValue code : wanted) {
            codes.findForUse(report.store(), code).ifPresent(c -> known.put(code, c));
        }
        Map<CodeValue, ValidationReason> conflicts =
                refusedBeforeWriting(wanted, known, orderTime(report, now), store.timezone());

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
                GiftCode terms = known.get(code).code();
                failureHandlers.put(items.size(), () -> conflicts.putIfAbsent(code, exhaustedOrVoided(report.store(), code)));
                // A void racing this order is held by the store too: the use is taken only while the code is not voided.
                items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(GiftCodeKeys.code(report.store(), code))
                        .updateExpression("SET usedCount = if_not_exists(usedCount, :zero) + :one")
                        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(#voided) AND "
                                + "(attribute_not_exists(numberOfUsage) OR usedCount < numberOfUsage)")
                        .expressionAttributeNames(Map.of("#voided", GiftCodeKeys.VOIDED_AT))
                        .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"),
                                ":one", AttributeValue.fromN("1")))).build());
                boolean perCustomer = terms.terms().perCustomerLimit() != null && report.customerGuid() != null;
                if (perCustomer) {
                    failureHandlers.put(items.size(), () -> conflicts.putIfAbsent(code, ValidationReason.CUSTOMER_LIMIT_REACHED));
                    items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                            .key(GiftCodeKeys.customerUses(report.store(), code, report.customerGuid()))
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
        // Only the trusted order counts here: a beacon report of this id is no payment to cancel.
        OrderItems existing = read(report.store(), report.orderId());
        if (existing.order() == null) {
            // Cancelled before its payment was reported: record it so a late PAID changes nothing.
            try {
                dynamoDb.putItem(b -> b.tableName(table).item(OrderItemMapper.orderItem(report, contentHash, now))
                        .conditionExpression("attribute_not_exists(pk)"));
                return Optional.of(ApplyResult.RECORDED);
            } catch (ConditionalCheckFailedException raced) {
                return Optional.empty();
            }
        }
        OrderReport paid = OrderItemMapper.report(existing.order());
        if (paid.status() != OrderStatus.PAID) {
            return Optional.of(ApplyResult.UNCHANGED);
        }
        List<TransactWriteItem> items = new ArrayList<>();
        items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                .key(OrderKeys.order(report.store(), report.orderId()))
                .updateExpression("SET #status = :new, updatedAt = :now")
                .conditionExpression("#status = :paid")
                .expressionAttributeNames(Map.of("#status", OrderItemMapper.STATUS))
                .expressionAttributeValues(Map.of(":new", AttributeValue.fromS(report.status().name()),
                        ":paid", AttributeValue.fromS(OrderStatus.PAID.name()),
                        ":now", AttributeValue.fromS(now.toString())))).build());
        for (Redemption r : existing.redemptions()) {
            if (r.outcome() != Redemption.Outcome.APPLIED) {
                continue;
            }
            items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                    .key(GiftCodeKeys.code(report.store(), r.code()))
                    .updateExpression("SET usedCount = usedCount - :one")
                    .conditionExpression("usedCount > :zero")
                    .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"),
                            ":one", AttributeValue.fromN("1")))).build());
            String customer = paid.customerGuid();
            if (r.customerCounted() && customer != null) {
                items.add(TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(GiftCodeKeys.customerUses(report.store(), r.code(), customer))
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
        OrderItems items = read(store, orderId);
        if (items.order() != null) {
            Map<String, AttributeValue> order = items.order();
            return Optional.of(new AppliedOrder(OrderItemMapper.report(order), Attributes.string(order, "contentHash"),
                    items.redemptions(), Attributes.instant(order, "appliedAt"), Attributes.instant(order, "updatedAt"),
                    Optional.ofNullable(items.beacon()).map(OrderItemMapper::unverified)));
        }
        if (items.beacon() != null) {
            // Only the beacon reported this id so far: its report is all there is to show (it took no codes).
            Map<String, AttributeValue> beacon = items.beacon();
            return Optional.of(new AppliedOrder(OrderItemMapper.report(beacon), Attributes.string(beacon, "contentHash"),
                    List.of(), Attributes.instant(beacon, "appliedAt"), Attributes.instant(beacon, "updatedAt")));
        }
        return Optional.empty();
    }

    /** The items of one order's partition: the trusted order, the beacon's report, the redemptions (any may be missing). */
    private record OrderItems(Map<String, AttributeValue> order, Map<String, AttributeValue> beacon,
                              List<Redemption> redemptions) {
    }

    private OrderItems read(StoreCode store, String orderId) {
        Map<String, AttributeValue> order = null;
        Map<String, AttributeValue> beacon = null;
        List<Redemption> redemptions = new ArrayList<>();
        var pages = dynamoDb.queryPaginator(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(OrderKeys.orderPartition(store, orderId)))));
        for (Map<String, AttributeValue> item : pages.items()) {
            String sk = item.get(TableKeys.SK).s();
            if (sk.equals(OrderKeys.ORDER_SK)) {
                order = item;
            } else if (sk.equals(OrderKeys.BEACON_SK)) {
                beacon = item;
            } else if (sk.startsWith(OrderKeys.REDEMPTION_SK_PREFIX)) {
                redemptions.add(OrderItemMapper.redemption(item));
            }
        }
        return new OrderItems(order, beacon, redemptions);
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
