package org.serverlessloyalty.shared.earning.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.earning.model.Basket;
import org.serverlessloyalty.shared.earning.model.BasketItem;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.model.Earned;
import org.serverlessloyalty.shared.earning.model.LabelMultiplier;
import org.serverlessloyalty.shared.earning.model.LabelsInclusion;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.points.model.Label;

/**
 * Open Loyalty's arithmetic for a transaction (behaviour spec 2.7, rules E1 and E3-E10, kept exactly as section 4
 * item 19 asks): which rules apply, in which order, and the points they give. Pure: the rules and the basket in,
 * the points and the contributing rules' names out.
 */
public final class TransactionRules {

    /** E4: 2 dp, PHP's {@code round} (half away from zero). */
    private static final int SCALE = 2;

    private TransactionRules() {
    }

    /**
     * @param rules    the store's rules, any type, active or not, in creation order
     * @param audience the member's; empty for a merchant's preview: every active rule whatever its targeting
     */
    public static Earned evaluate(List<EarningRule> rules, Basket basket, Optional<Audience> audience) {
        Context context = new Context();
        for (EarningRule rule : applicable(rules, basket, audience)) {
            boolean executed = execute(rule, basket, context);
            // E9: a stoppable rule marked last ends evaluation, but only once it executed.
            if (executed && rule.lastExecutedRule()) {
                break;
            }
        }
        return new Earned(context.total(), List.copyOf(context.names.values()), context.instant);
    }

    /** E1 and E3: the transaction rules that apply, by priority, then creation time (a stable sort). */
    static List<EarningRule> applicable(List<EarningRule> rules, Basket basket, Optional<Audience> audience) {
        return rules.stream()
                .filter(rule -> rule.type().appliesToTransactions())
                .filter(EarningRule::active)
                .filter(rule -> inWindow(rule, basket.purchaseDate()))
                .filter(rule -> audience.map(a -> targets(rule, a)).orElse(true))
                .filter(rule -> rule.pos().isEmpty() || (basket.pos() != null && rule.pos().contains(basket.pos())))
                .sorted(Comparator.comparingInt((EarningRule rule) -> rule.type().priority())
                        .thenComparing(EarningRule::createdAt)
                        .thenComparing(EarningRule::id))
                .toList();
    }

    public static boolean inWindow(EarningRule rule, Instant when) {
        return rule.allTimeActive() || (!when.isBefore(rule.startAt()) && !when.isAfter(rule.endAt()));
    }

    /** E1: the member's level is one of the rule's levels, or one of their segments one of its segments. */
    public static boolean targets(EarningRule rule, Audience audience) {
        return (audience.levelId() != null && rule.levels().contains(audience.levelId()))
                || audience.segmentIds().stream().anyMatch(rule.segments()::contains);
    }

    /** @return whether the rule executed (E9: a spending rule skipped by minOrderValue did not) */
    private static boolean execute(EarningRule rule, Basket basket, Context context) {
        RuleTerms terms = rule.terms();
        if (terms instanceof RuleTerms.Spending spending) {
            return spend(rule, spending, basket, context);
        }
        boolean matched = false;
        if (terms instanceof RuleTerms.MultiplyForProduct multiply) {
            // E6: per line whose SKU is listed or which carries one of the labels; delivery is not filtered.
            for (BasketItem item : basket.items()) {
                if (multiply.skuIds().contains(item.sku()) || carriesAny(item, multiply.labels())) {
                    context.set(item.sku(), context.read(item.sku()).multiply(multiply.multiplier()));
                    matched = true;
                }
            }
        } else if (terms instanceof RuleTerms.MultiplyByLabels byLabels) {
            // E7: the product of every matching multiplier; a 0 zeroes the line's SKU points.
            for (BasketItem item : basket.items()) {
                BigDecimal multiplier = null;
                for (LabelMultiplier labelMultiplier : byLabels.labelMultipliers()) {
                    if (item.labels().contains(new Label(labelMultiplier.key(), labelMultiplier.value()))) {
                        multiplier = (multiplier == null ? BigDecimal.ONE : multiplier).multiply(labelMultiplier.multiplier());
                    }
                }
                if (multiplier != null) {
                    context.set(item.sku(), context.read(item.sku()).multiply(multiplier));
                    matched = true;
                }
            }
        } else if (terms instanceof RuleTerms.ProductPurchase purchase) {
            // E8: once per line, after every multiplier.
            for (BasketItem item : basket.items()) {
                if (purchase.skuIds().contains(item.sku())) {
                    context.add(item.sku(), purchase.pointsAmount());
                    matched = true;
                }
            }
        } else if (terms instanceof RuleTerms.InstantReward instant) {
            // 1.B.3: the rule matches the transaction once its targeting, window and POS did (applicable): one
            // coupon of its campaign. It gives no points, so it is never named in the comment (E10).
            context.instant.add(new Earned.InstantReward(rule.id(), instant.rewardCampaignId()));
        }
        // E9: multiply, product and instant reward rules count as executed even when nothing matched;
        // only a rule that changed points is named in the comment (E10).
        if (matched) {
            context.names.put(rule.id(), rule.name());
        }
        return true;
    }

    /** E5. */
    private static boolean spend(EarningRule rule, RuleTerms.Spending spending, Basket basket, Context context) {
        List<BasketItem> counted = basket.items().stream()
                .filter(item -> !spending.excludeDeliveryCost() || !basket.deliverySkus().contains(item.sku()))
                .toList();
        BigDecimal total = counted.stream().map(BasketItem::grossValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (spending.minOrderValue().signum() > 0 && total.compareTo(spending.minOrderValue()) < 0) {
            return false;
        }
        List<BasketItem> earning = new ArrayList<>();
        for (BasketItem item : counted) {
            if (spending.excludedSkus().contains(item.sku())) {
                continue;
            }
            if (spending.inclusion() == LabelsInclusion.EXCLUDE && carriesAny(item, spending.excludedLabels())) {
                continue;
            }
            if (spending.inclusion() == LabelsInclusion.INCLUDE && !carriesAny(item, spending.includedLabels())) {
                continue;
            }
            earning.add(item);
        }
        for (BasketItem item : earning) {
            context.add(item.sku(), item.grossValue().multiply(spending.pointValue()));
        }
        if (!earning.isEmpty()) {
            context.names.put(rule.id(), rule.name());
        }
        return true;
    }

    private static boolean carriesAny(BasketItem item, List<Label> labels) {
        return labels.stream().anyMatch(item.labels()::contains);
    }

    /** E4: points per SKU code; every read of a SKU's points is rounded to 2 dp. */
    private static final class Context {
        final Map<String, BigDecimal> points = new LinkedHashMap<>();
        /** Rule id → name, in the order they first contributed. */
        final Map<String, String> names = new LinkedHashMap<>();
        /** The instant reward rules that applied, in execution order. */
        final List<Earned.InstantReward> instant = new ArrayList<>();

        BigDecimal read(String sku) {
            return round(points.getOrDefault(sku, BigDecimal.ZERO));
        }

        void add(String sku, BigDecimal delta) {
            points.put(sku, read(sku).add(delta));
        }

        void set(String sku, BigDecimal value) {
            points.put(sku, value);
        }

        BigDecimal total() {
            return round(points.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }

    static BigDecimal round(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
