package org.serverlessloyalty.shared.order.rules;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCode;
import org.serverlessloyalty.shared.giftcode.model.RewardRef;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository.CodeRead;
import org.serverlessloyalty.shared.giftcode.rules.GiftCodeRules;
import org.serverlessloyalty.shared.order.model.OrderPlan;
import org.serverlessloyalty.shared.order.model.OrderRecord;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderStep;
import org.serverlessloyalty.shared.order.model.OrderStep.GiveBackCodeUse;
import org.serverlessloyalty.shared.order.model.OrderStep.GiveBackCustomerUse;
import org.serverlessloyalty.shared.order.model.OrderStep.MarkRewardUsed;
import org.serverlessloyalty.shared.order.model.OrderStep.RecordBeaconReport;
import org.serverlessloyalty.shared.order.model.OrderStep.RecordOrder;
import org.serverlessloyalty.shared.order.model.OrderStep.RecordRedemption;
import org.serverlessloyalty.shared.order.model.OrderStep.ReleaseOrder;
import org.serverlessloyalty.shared.order.model.OrderStep.TakeCodeUse;
import org.serverlessloyalty.shared.order.model.OrderStep.TakeCustomerUse;
import org.serverlessloyalty.shared.order.model.Redemption;

/**
 * What applying a report writes, and what a refused write means: pure decisions, no store. The service
 * ({@code OrderApplication}) reads, asks these, executes the plan and asks again when a limit did not hold.
 *
 * <p>A PAID report's plan: record the order (once per id); per code, either take a use (within its uses and
 * not voided), count it against the shopper when the code has a per-customer limit, and record it APPLIED, or
 * record it CONFLICT with the reason it could not be used. A code whose use was refused by the store becomes
 * CONFLICT in the next plan, so every plan is smaller than the one before it and the order is always recorded.
 */
public final class OrderPlans {

    private OrderPlans() {
    }

    /** When the order was placed: its {@code orderDate} when the report gives one, else when it is applied. */
    public static Instant orderTime(OrderReport report, Instant appliedAt) {
        return report.orderDate() == null ? appliedAt : report.orderDate().toInstant();
    }

    /**
     * The codes that cannot take a use whatever the counters say: unknown to the store or of a creation
     * that never committed (NOT_FOUND), voided (VOIDED), or not usable at the order's time by the rules
     * validation applies (NOT_YET_ACTIVE, EXPIRED), in {@code wanted} order. Uses left and the shopper's limit
     * are not judged here: they are the store's conditions to hold in the transaction.
     */
    public static Map<CodeValue, ValidationReason> refusedBeforeWriting(List<CodeValue> wanted,
                                                                        Map<CodeValue, CodeRead> known,
                                                                        Instant orderTime, ZoneId zone) {
        Map<CodeValue, ValidationReason> refused = new LinkedHashMap<>();
        for (CodeValue code : wanted) {
            CodeRead read = known.get(code);
            if (read == null) {
                refused.put(code, ValidationReason.NOT_FOUND);
            } else {
                GiftCodeRules.unavailability(read.code(), read.batchOfPending(), orderTime, zone)
                        .ifPresent(reason -> refused.put(code, reason));
            }
        }
        return refused;
    }

    /** The codes of a report, each once, in the report's order. */
    public static List<CodeValue> wanted(OrderReport report) {
        return report.giftCodes().stream().distinct().toList();
    }

    /**
     * A trusted PAID report: the order, then for each code either its use (and the shopper's, when the code limits
     * uses per customer and the report names the shopper) with an APPLIED redemption, or a CONFLICT redemption with
     * its reason from {@code conflicts}.
     *
     * @param known the codes as read, for their per-customer limit (every code not in {@code conflicts} is here)
     */
    public static OrderPlan payment(OrderReport report, String contentHash, Instant now, Map<CodeValue, GiftCode> known,
                                    Map<CodeValue, ValidationReason> conflicts) {
        return payment(report, contentHash, now, known, Map.of(), conflicts);
    }

    /**
     * As above; a code issued for a bought reward ({@code rewards}) also marks that reward used, in the same
     * transaction as the code's use, so the reward and its code never disagree (issue 11).
     */
    public static OrderPlan payment(OrderReport report, String contentHash, Instant now, Map<CodeValue, GiftCode> known,
                                    Map<CodeValue, RewardRef> rewards, Map<CodeValue, ValidationReason> conflicts) {
        List<OrderStep> steps = new ArrayList<>();
        steps.add(new RecordOrder(report, contentHash));
        for (CodeValue code : wanted(report)) {
            ValidationReason conflict = conflicts.get(code);
            if (conflict != null) {
                steps.add(new RecordRedemption(new Redemption(code, Redemption.Outcome.CONFLICT, conflict, false)));
                continue;
            }
            Integer perCustomerLimit = known.get(code).terms().perCustomerLimit();
            boolean perCustomer = perCustomerLimit != null && report.customerGuid() != null;
            steps.add(new TakeCodeUse(code));
            RewardRef reward = rewards.get(code);
            if (reward != null) {
                steps.add(new MarkRewardUsed(code, reward.memberId(), reward.couponId()));
            }
            if (perCustomer) {
                steps.add(new TakeCustomerUse(code, report.customerGuid(), perCustomerLimit));
            }
            steps.add(new RecordRedemption(new Redemption(code, Redemption.Outcome.APPLIED, null, perCustomer)));
        }
        return new OrderPlan(report.store(), report.orderId(), now, steps);
    }

    /**
     * Why the store refused a step of a payment plan, for the code it concerns: a use refused on a code voided
     * meanwhile is VOIDED, on a code that is gone NOT_FOUND, else its uses ran out; a shopper's use refused is
     * their limit reached. Empty for a step whose refusal is not about a code (the order itself).
     *
     * @param codeNow the code as read after the refusal (only looked at for a refused {@link TakeCodeUse})
     */
    public static Optional<ValidationReason> conflictFor(OrderStep refused, Optional<GiftCode> codeNow) {
        if (refused instanceof TakeCodeUse) {
            if (codeNow.isEmpty()) {
                return Optional.of(ValidationReason.NOT_FOUND);
            }
            return Optional.of(codeNow.get().voided() ? ValidationReason.VOIDED : ValidationReason.USAGE_EXHAUSTED);
        }
        if (refused instanceof TakeCustomerUse) {
            return Optional.of(ValidationReason.CUSTOMER_LIMIT_REACHED);
        }
        if (refused instanceof MarkRewardUsed) {
            return Optional.of(ValidationReason.NOT_FOUND); // the reward behind the code is gone
        }
        return Optional.empty();
    }

    /** The code a step of a payment plan is about, if any. */
    public static Optional<CodeValue> codeOf(OrderStep step) {
        if (step instanceof TakeCodeUse use) {
            return Optional.of(use.code());
        }
        if (step instanceof TakeCustomerUse use) {
            return Optional.of(use.code());
        }
        if (step instanceof MarkRewardUsed mark) {
            return Optional.of(mark.code());
        }
        return Optional.empty();
    }

    /**
     * A trusted CANCELLED or REFUNDED report of an order recorded PAID: the order changes status (only while it is
     * still PAID: a release happens once), and each use it took is given back, the shopper's too where it was
     * counted, its redemption now RELEASED. Codes that were CONFLICT took nothing and give nothing back.
     */
    public static OrderPlan release(OrderReport report, OrderRecord.Stored paid, List<Redemption> redemptions,
                                    Instant now) {
        return release(report, paid, redemptions, Map.of(), now);
    }

    /**
     * As above; each code issued for a bought reward ({@code rewards}: those whose reward this order may have marked)
     * also gives its reward back, so the reward is usable again exactly when its code is (issue 11).
     */
    public static OrderPlan release(OrderReport report, OrderRecord.Stored paid, List<Redemption> redemptions,
                                    Map<CodeValue, RewardRef> rewards, Instant now) {
        List<OrderStep> steps = new ArrayList<>();
        steps.add(new ReleaseOrder(report.status()));
        String customer = paid.report().customerGuid();
        for (Redemption r : redemptions) {
            if (r.outcome() != Redemption.Outcome.APPLIED) {
                continue;
            }
            steps.add(new GiveBackCodeUse(r.code()));
            RewardRef reward = rewards.get(r.code());
            if (reward != null) {
                steps.add(new OrderStep.GiveBackReward(r.code(), reward.memberId(), reward.couponId()));
            }
            if (r.customerCounted() && customer != null) {
                steps.add(new GiveBackCustomerUse(r.code(), customer));
            }
            steps.add(new RecordRedemption(new Redemption(r.code(), Redemption.Outcome.RELEASED, null,
                    r.customerCounted())));
        }
        return new OrderPlan(report.store(), report.orderId(), now, steps);
    }

    /** A trusted cancellation of an id with no order yet: recorded as it is, so a late payment changes nothing. */
    public static OrderPlan cancellationFirst(OrderReport report, String contentHash, Instant now) {
        return new OrderPlan(report.store(), report.orderId(), now, List.of(new RecordOrder(report, contentHash)));
    }

    /**
     * A beacon report (the public publishable key): only kept beside the order, the first per id. Whatever it
     * says (codes, a status), it takes, blocks and gives back nothing.
     */
    public static OrderPlan beacon(OrderReport report, String contentHash, Instant now) {
        return new OrderPlan(report.store(), report.orderId(), now, List.of(new RecordBeaconReport(report, contentHash)));
    }
}
