package org.serverlessloyalty.shared.order.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.serverlessloyalty.shared.order.model.AppliedOrder;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.order.model.ShopBalance;
import org.serverlessloyalty.shared.order.port.ShopBalances;
import org.serverlessloyalty.shared.order.port.ShopperEnrolment;
import org.serverlessloyalty.shared.order.rules.OrderTransactions;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.transaction.model.OrderPointsSource;
import org.serverlessloyalty.shared.transaction.model.Transaction;
import org.serverlessloyalty.shared.transaction.model.TransactionOutcome;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;
import org.serverlessloyalty.shared.transaction.service.Transactions;

/**
 * Orders earn points (issue 10): after the order ledger applied a report, the order as the ledger now holds it
 * registers its sell transaction (PAID) or takes back what that transaction earned (CANCELLED, REFUNDED).
 *
 * <p>Exactly once without a lock: the transaction's document number is the order's ({@link
 * OrderTransactions#documentNumber}), unique in the store (T1), so a redelivery, a replay or the same order from a
 * second endpoint registers nothing more and only finishes what an earlier attempt left (its points, claimed once);
 * the revocation is bounded by the sale's {@code Revoked} tally and keyed by the order. It runs after the ledger's
 * own transaction, on every delivery: a message that fails here is redelivered, finds the order applied, and
 * finishes the points.
 */
public final class OrderPoints {

    /** What the points side of an order did. */
    public enum Result {
        /** No earning for this order: no shopper to identify, an untrusted report, no member (nothing registered). */
        SKIPPED,
        /** Its transaction is registered (now or before) and its points added (now or before). */
        EARNED,
        /** Its points were taken back (now or before). */
        REVOKED
    }

    private final Transactions transactions;
    private final ShopperEnrolment enrolment;
    private final ShopBalances balances;
    private final Clock clock;

    public OrderPoints(Transactions transactions, ShopperEnrolment enrolment, Clock clock) {
        this(transactions, enrolment, ShopBalances.NONE, clock);
    }

    /** @param balances where the shop's reported balance of a member ({@code userBalance}) is kept for the member view */
    public OrderPoints(Transactions transactions, ShopperEnrolment enrolment, ShopBalances balances, Clock clock) {
        this.transactions = transactions;
        this.enrolment = enrolment;
        this.balances = balances;
        this.clock = clock;
    }

    /** CibleR's {@code orderContext.userBalance}, kept beside the member: the shop's count, shown, never added. */
    private void keepReportedBalance(StoreZone store, OrderReport order, Transaction sale) {
        if (sale.memberId() == null) {
            return;
        }
        OrderTransactions.reportedBalance(order).ifPresent(balance -> balances.record(store.code(), sale.memberId(),
                new ShopBalance(balance, order.orderId(),
                        order.orderDate() == null ? sale.createdAt() : order.orderDate().toInstant())));
    }

    /** @param applied the order as the ledger holds it after applying a report (its status is the one that counts) */
    public Result after(StoreZone store, AppliedOrder applied) {
        OrderReport order = applied.order();
        TransactionSettings settings = transactions.settings(store.code());
        if (!order.source().trusted() && !settings.beaconEarns()) {
            // The beacon's publishable key is public: anyone could claim points for any order id with it.
            return Result.SKIPPED;
        }
        String document = OrderTransactions.documentNumber(order.source(), order.orderId());
        Optional<Transaction> existing = transactions.findByDocument(store.code(), document);
        if (existing.isEmpty() && order.source().trusted() && settings.beaconEarns()) {
            // A beacon report of this id may have earned before the trusted one came (beaconEarns): the same order.
            existing = transactions.findByDocument(store.code(),
                    OrderTransactions.documentNumber(OrderSource.BEACON, order.orderId()));
        }
        BigDecimal reported = settings.orderPointsSource() == OrderPointsSource.REPORTED
                ? OrderTransactions.reportedPoints(order).orElse(null) : null;
        if (order.status() != OrderStatus.PAID) {
            if (existing.isEmpty() || existing.get().memberId() == null) {
                return Result.SKIPPED;
            }
            // Finish an earning a crash left half done first, so the revocation sees what was earned.
            Transaction sale = transactions.finish(store, existing.get(), reported);
            transactions.revokeRest(store, sale, "order-cancel-" + sale.id());
            return Result.REVOKED;
        }
        if (existing.isPresent()) {
            Transaction done = transactions.finish(store, existing.get(), reported);
            keepReportedBalance(store, order, done);
            return done.memberId() == null ? Result.SKIPPED : Result.EARNED;
        }
        if (!OrderTransactions.identifiable(order)) {
            return Result.SKIPPED;
        }
        Transaction draft = OrderTransactions.draft(order, document, clock.instant());
        Optional<String> member = transactions.match(store.code(), draft).map(MemberRef::memberId);
        if (member.isEmpty() && settings.enrollShoppers() && order.customerGuid() != null) {
            member = enrolment.enrol(store.code(), order.customerGuid(), draft.customerData().email(),
                    draft.customerData().phone());
        }
        if (member.isEmpty()) {
            // No member to earn: no transaction either (a shop's many anonymous orders cost only the lookups).
            return Result.SKIPPED;
        }
        TransactionOutcome outcome = transactions.registerOnceNew(store, draft.withMember(member.get(), null),
                reported);
        if (outcome instanceof TransactionOutcome.Done done && done.transaction().memberId() != null) {
            keepReportedBalance(store, order, done.transaction());
            return Result.EARNED;
        }
        return Result.SKIPPED;
    }
}
