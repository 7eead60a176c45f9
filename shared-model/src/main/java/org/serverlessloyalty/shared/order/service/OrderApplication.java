package org.serverlessloyalty.shared.order.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.RewardRef;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository;
import org.serverlessloyalty.shared.order.model.AppliedOrder;
import org.serverlessloyalty.shared.order.model.ApplyResult;
import org.serverlessloyalty.shared.order.model.OrderPlan;
import org.serverlessloyalty.shared.order.model.OrderRecord;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.order.model.OrderStep;
import org.serverlessloyalty.shared.order.model.UnverifiedReport;
import org.serverlessloyalty.shared.order.port.OrderLedger;
import org.serverlessloyalty.shared.order.port.OrderRepository;
import org.serverlessloyalty.shared.order.rules.OrderPlans;
import org.serverlessloyalty.shared.platform.plan.Contention;
import org.serverlessloyalty.shared.platform.plan.PlanResult;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.port.StoreRepository;

/**
 * Applies order reports: reads what it needs through the ports, lets {@link OrderPlans} decide the writes, has
 * the order port execute them as one transaction, and turns the store's answer into the order's outcome.
 *
 * <ul>
 *   <li>Committed: the order is recorded (or released).</li>
 *   <li>Refused: a limit did not hold. The order id already recorded means the report changes nothing
 *       (UNCHANGED); a code's use or the shopper's refused makes that code CONFLICT with its reason
 *       (USAGE_EXHAUSTED, VOIDED, NOT_FOUND, CUSTOMER_LIMIT_REACHED) and the order is planned again without it,
 *       so an order is never lost for a code.</li>
 *   <li>Contended: a concurrent transaction or throttling got in the way and nothing was written: read, decide
 *       and execute again ({@link Contention#retry}), so contention never reaches the client as an answer.</li>
 * </ul>
 */
public final class OrderApplication implements OrderLedger {

    /** How long the store (its time zone) is remembered when the caller does not say: StoreCacheSeconds' default. */
    public static final Duration DEFAULT_STORE_CACHE_TTL = Duration.ofSeconds(30);

    private final OrderRepository orders;
    private final GiftCodeRepository codes;
    private final StoreRepository stores;
    private final Clock clock;
    private final int maxAttempts;
    private final long storeCacheMillis;
    private final Map<StoreCode, KnownStore> knownStores = new ConcurrentHashMap<>();

    private record KnownStore(Store store, long expiresAtMillis) {
    }

    public OrderApplication(OrderRepository orders, GiftCodeRepository codes, StoreRepository stores, Clock clock) {
        this(orders, codes, stores, clock, DEFAULT_STORE_CACHE_TTL);
    }

    /** @param storeCacheTtl how long a store's settings (its time zone) are reused before being read again */
    public OrderApplication(OrderRepository orders, GiftCodeRepository codes, StoreRepository stores, Clock clock,
                            Duration storeCacheTtl) {
        this(orders, codes, stores, clock, storeCacheTtl, Contention.DEFAULT_ATTEMPTS);
    }

    /** @param maxAttempts contended attempts before the report fails (its message is then redelivered) */
    public OrderApplication(OrderRepository orders, GiftCodeRepository codes, StoreRepository stores, Clock clock,
                            Duration storeCacheTtl, int maxAttempts) {
        this.orders = orders;
        this.codes = codes;
        this.stores = stores;
        this.clock = clock;
        this.storeCacheMillis = storeCacheTtl.toMillis();
        this.maxAttempts = maxAttempts;
    }

    @Override
    public ApplyResult apply(OrderReport report, String contentHash) {
        Store store = requireStore(report.store());
        String action = "Order " + report.orderId() + " of store " + report.store();
        if (!report.source().trusted()) {
            return Contention.retry(action, maxAttempts, () -> recordBeacon(report, contentHash));
        }
        return report.status() == OrderStatus.PAID
                ? Contention.retry(action, maxAttempts, () -> recordPayment(report, contentHash, store))
                : Contention.retry(action, maxAttempts, () -> release(report, contentHash));
    }

    @Override
    public Optional<AppliedOrder> find(StoreCode store, String orderId) {
        OrderRecord record = orders.read(store, orderId);
        if (record.order().isPresent()) {
            OrderRecord.Stored order = record.order().get();
            return Optional.of(new AppliedOrder(order.report(), order.contentHash(), record.redemptions(),
                    order.appliedAt(), order.updatedAt(),
                    record.beacon().map(b -> new UnverifiedReport(b.report(), b.contentHash(), b.appliedAt()))));
        }
        // Only the beacon reported this id so far: its report is all there is to show (it took no codes).
        return record.beacon().map(b -> new AppliedOrder(b.report(), b.contentHash(), List.of(), b.appliedAt(),
                b.updatedAt()));
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

    /** The beacon's report, the first per id; empty when contended (try again). */
    private Optional<ApplyResult> recordBeacon(OrderReport report, String contentHash) {
        PlanResult<OrderStep> result = orders.execute(OrderPlans.beacon(report, contentHash, clock.instant()));
        if (result instanceof PlanResult.Contended<OrderStep>) {
            return Optional.empty();
        }
        return Optional.of(result instanceof PlanResult.Committed<OrderStep> ? ApplyResult.RECORDED : ApplyResult.UNCHANGED);
    }

    /** One attempt at a PAID report: read the codes, plan, execute, drop refused codes; empty when contended. */
    private Optional<ApplyResult> recordPayment(OrderReport report, String contentHash, Store store) {
        Instant now = clock.instant();
        List<CodeValue> wanted = OrderPlans.wanted(report);
        // The terms (existence, dates, per-customer limit) are fixed at creation; the counters and the
        // void mark are only ever relied on through the plan's conditions.
        Map<CodeValue, GiftCodeRepository.CodeRead> known = new LinkedHashMap<>();
        for (CodeValue code : wanted) {
            codes.findForUse(report.store(), code).ifPresent(c -> known.put(code, c));
        }
        Map<CodeValue, GiftCode> terms = new LinkedHashMap<>();
        Map<CodeValue, RewardRef> rewards = new LinkedHashMap<>();
        known.forEach((code, read) -> {
            terms.put(code, read.code());
            read.reward().ifPresent(reward -> rewards.put(code, reward));
        });
        Map<CodeValue, ValidationReason> conflicts =
                OrderPlans.refusedBeforeWriting(wanted, known, OrderPlans.orderTime(report, now), store.timezone());

        // Each refused round turns at least one more code into a CONFLICT, so this ends.
        for (int round = 0; round <= wanted.size(); round++) {
            OrderPlan plan = OrderPlans.payment(report, contentHash, now, terms, rewards, conflicts);
            PlanResult<OrderStep> result = orders.execute(plan);
            if (result instanceof PlanResult.Committed<OrderStep>) {
                return Optional.of(ApplyResult.RECORDED);
            }
            if (result instanceof PlanResult.Contended<OrderStep>) {
                return Optional.empty();
            }
            List<OrderStep> refused = ((PlanResult.Refused<OrderStep>) result).failed();
            if (refused.stream().anyMatch(OrderStep.RecordOrder.class::isInstance)) {
                return Optional.of(ApplyResult.UNCHANGED); // this order id was applied already
            }
            for (OrderStep step : refused) {
                CodeValue code = OrderPlans.codeOf(step).orElseThrow(() ->
                        new IllegalStateException("A step that holds no limit was refused: " + step));
                if (!conflicts.containsKey(code)) {
                    Optional<GiftCode> codeNow = step instanceof OrderStep.TakeCodeUse
                            ? codes.find(report.store(), code) : Optional.empty();
                    conflicts.put(code, OrderPlans.conflictFor(step, codeNow).orElseThrow());
                }
            }
        }
        throw new IllegalStateException("Order " + report.orderId() + " could not settle its codes");
    }

    /** One attempt at a CANCELLED or REFUNDED report; empty when a concurrent change got in the way (try again). */
    private Optional<ApplyResult> release(OrderReport report, String contentHash) {
        Instant now = clock.instant();
        // Only the trusted order counts here: a beacon report of this id is no payment to cancel.
        OrderRecord existing = orders.read(report.store(), report.orderId());
        if (existing.order().isEmpty()) {
            PlanResult<OrderStep> result = orders.execute(OrderPlans.cancellationFirst(report, contentHash, now));
            // Refused: the payment was recorded meanwhile; read it again and release it.
            return result instanceof PlanResult.Committed<OrderStep> ? Optional.of(ApplyResult.RECORDED) : Optional.empty();
        }
        OrderRecord.Stored paid = existing.order().get();
        if (paid.report().status() != OrderStatus.PAID) {
            return Optional.of(ApplyResult.UNCHANGED);
        }
        // issue 11: the rewards behind the codes it used, given back with the codes' uses.
        Map<CodeValue, RewardRef> rewards = new LinkedHashMap<>();
        for (var r : existing.redemptions()) {
            if (r.outcome() == org.serverlessloyalty.shared.order.model.Redemption.Outcome.APPLIED) {
                codes.findForUse(report.store(), r.code()).flatMap(GiftCodeRepository.CodeRead::reward)
                        .ifPresent(reward -> rewards.put(r.code(), reward));
            }
        }
        PlanResult<OrderStep> result = orders.execute(OrderPlans.release(report, paid, existing.redemptions(),
                rewards, now));
        // A reward this order did not mark (another transaction did) is not its to give back: release without it.
        while (result instanceof PlanResult.Refused<OrderStep> refusedRewards && !refusedRewards.failed().isEmpty()
                && refusedRewards.failed().stream().allMatch(OrderStep.GiveBackReward.class::isInstance)) {
            refusedRewards.failed().forEach(step -> rewards.remove(((OrderStep.GiveBackReward) step).code()));
            result = orders.execute(OrderPlans.release(report, paid, existing.redemptions(), rewards, now));
        }
        if (result instanceof PlanResult.Committed<OrderStep>) {
            return Optional.of(ApplyResult.RELEASED);
        }
        if (result instanceof PlanResult.Contended<OrderStep>) {
            return Optional.empty();
        }
        List<OrderStep> refused = ((PlanResult.Refused<OrderStep>) result).failed();
        if (refused.stream().anyMatch(OrderStep.ReleaseOrder.class::isInstance)) {
            return Optional.of(ApplyResult.UNCHANGED); // released by a concurrent delivery
        }
        // A counter the order took a use from is at zero: the ledger and the counters disagree. Nothing was
        // written; the message fails (retried, then dead-lettered) rather than hide it.
        throw new IllegalStateException("Order " + report.orderId() + " of store " + report.store()
                + " cannot give back what it took: " + refused);
    }
}
