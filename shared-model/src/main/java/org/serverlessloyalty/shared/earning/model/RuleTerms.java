package org.serverlessloyalty.shared.earning.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.serverlessloyalty.shared.points.model.Label;

/** What one type of earning rule says beyond the fields every rule has (behaviour spec 1.B.3, "Per type"). */
public sealed interface RuleTerms {

    EarningRuleType type();

    /** The built-in events an {@code event} rule may answer (1.B.3). */
    String ACCOUNT_CREATED = "oloy.account.created";
    String FIRST_TRANSACTION = "oloy.transaction.customer_first_transaction";
    String LOGGED_IN = "oloy.customer.logged_in";
    String NEWSLETTER_SUBSCRIPTION = "oloy.customer.newsletter_subscription";
    List<String> BUILT_IN_EVENTS = List.of(ACCOUNT_CREATED, FIRST_TRANSACTION, LOGGED_IN, NEWSLETTER_SUBSCRIPTION);

    /**
     * {@code points}, the general spending rule (E5).
     *
     * @param excludeDeliveryCost leave the store's delivery SKUs out of the total and the items
     * @param minOrderValue       zero: no minimum
     */
    record Spending(BigDecimal pointValue, Set<String> excludedSkus, LabelsInclusion inclusion,
                    List<Label> excludedLabels, List<Label> includedLabels, boolean excludeDeliveryCost,
                    BigDecimal minOrderValue) implements RuleTerms {
        public Spending {
            excludedSkus = Set.copyOf(excludedSkus);
            excludedLabels = List.copyOf(excludedLabels);
            includedLabels = List.copyOf(includedLabels);
        }

        @Override
        public EarningRuleType type() {
            return EarningRuleType.POINTS;
        }
    }

    /** {@code event}: a built-in event (E11). */
    record Event(String eventName, BigDecimal pointsAmount) implements RuleTerms {
        @Override
        public EarningRuleType type() {
            return EarningRuleType.EVENT;
        }
    }

    /** {@code custom_event}: an event the shop names, unique per store, with a usage limit (E11, E12). */
    record CustomEvent(String eventName, BigDecimal pointsAmount, UsageLimit limit) implements RuleTerms {
        @Override
        public EarningRuleType type() {
            return EarningRuleType.CUSTOM_EVENT;
        }
    }

    /** {@code referral}: points for an invitation's events. */
    record Referral(ReferralEvent eventName, RewardType rewardType, BigDecimal pointsAmount) implements RuleTerms {
        @Override
        public EarningRuleType type() {
            return EarningRuleType.REFERRAL;
        }
    }

    /** {@code product_purchase}: {@code pointsAmount} per line whose SKU is listed, never multiplied (E8). */
    record ProductPurchase(Set<String> skuIds, BigDecimal pointsAmount) implements RuleTerms {
        public ProductPurchase {
            skuIds = Set.copyOf(skuIds);
        }

        @Override
        public EarningRuleType type() {
            return EarningRuleType.PRODUCT_PURCHASE;
        }
    }

    /** {@code multiply_for_product}: a line's SKU points times {@code multiplier} when its SKU or a label matches (E6). */
    record MultiplyForProduct(Set<String> skuIds, BigDecimal multiplier, List<Label> labels) implements RuleTerms {
        public MultiplyForProduct {
            skuIds = Set.copyOf(skuIds);
            labels = List.copyOf(labels);
        }

        @Override
        public EarningRuleType type() {
            return EarningRuleType.MULTIPLY_FOR_PRODUCT;
        }
    }

    /** {@code multiply_by_product_labels}: times the product of every matching label's multiplier (E7). */
    record MultiplyByLabels(List<LabelMultiplier> labelMultipliers) implements RuleTerms {
        public MultiplyByLabels {
            labelMultipliers = List.copyOf(labelMultipliers);
        }

        @Override
        public EarningRuleType type() {
            return EarningRuleType.MULTIPLY_BY_PRODUCT_LABELS;
        }
    }

    /** {@code geolocation}: within {@code radiusKm} of the point (E13). */
    record Geolocation(BigDecimal latitude, BigDecimal longitude, BigDecimal radiusKm, BigDecimal pointsAmount,
                       UsageLimit limit) implements RuleTerms {
        @Override
        public EarningRuleType type() {
            return EarningRuleType.GEOLOCATION;
        }
    }

    /** {@code qrcode}: a scanned code (E14). */
    record QrCode(String code, BigDecimal pointsAmount, UsageLimit limit) implements RuleTerms {
        @Override
        public EarningRuleType type() {
            return EarningRuleType.QRCODE;
        }
    }

    /** {@code instant_reward}: one coupon of the campaign {@code rewardCampaignId} per transaction it applies to. */
    record InstantReward(String rewardCampaignId) implements RuleTerms {
        @Override
        public EarningRuleType type() {
            return EarningRuleType.INSTANT_REWARD;
        }
    }
}
