package org.serverlessloyalty.shared.campaign.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * A reward campaign as defined by the merchant (1.A.1): everything the create and full-replace forms set. Its coupon
 * pool is not here (pools are large and kept as items of their own, see docs/dynamodb-design.md "Reward campaigns");
 * nor are its counters ({@link CampaignCounters}), which purchases change without touching the definition.
 *
 * <p>Nullable fields are the ones a reward type does not use (C4–C8): {@code costInPoints}, {@code limit},
 * {@code limitPerUser}, {@code daysInactive}, {@code daysValid} for non-pooled types, {@code pointValue} outside
 * cashback, {@code transactionPercentageValue} outside percentage_discount_code, {@code connectType} and
 * {@code earningRuleId} outside custom_campaign_code, and the optional texts and money.
 *
 * @param translations by locale; the store's default locale ({@code en} unless the store says) has a name
 * @param levels       level ids the campaign targets (C2: levels or segments, not neither)
 * @param segments     segment ids the campaign targets
 * @param categories   campaign category ids
 * @param version      bumped by every change of the definition (create = 1): a purchase decided on one version
 *                     commits only while the definition is still that version
 */
public record Campaign(
        StoreCode store,
        CampaignId id,
        RewardType reward,
        boolean active,
        Map<String, CampaignTranslation> translations,
        boolean featured,
        boolean isPublic,
        boolean fulfillmentTracking,
        List<String> levels,
        List<String> segments,
        List<String> categories,
        List<Label> labels,
        String moreInformationLink,
        String pushNotificationText,
        BigDecimal rewardValue,
        Integer tax,
        BigDecimal taxPriceValue,
        CampaignWindow activity,
        CampaignWindow visibility,
        BigDecimal costInPoints,
        boolean unlimited,
        boolean singleCoupon,
        Integer limit,
        Integer limitPerUser,
        Integer daysInactive,
        Integer daysValid,
        BigDecimal pointValue,
        Integer transactionPercentageValue,
        ConnectType connectType,
        String earningRuleId,
        boolean brandIcon,
        Instant createdAt,
        long version) {

    public Campaign {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
        levels = levels == null ? List.of() : List.copyOf(levels);
        segments = segments == null ? List.of() : List.copyOf(segments);
        categories = categories == null ? List.of() : List.copyOf(categories);
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** C11: the active flag is on and the activity window holds {@code now}. */
    public boolean activeAt(Instant now) {
        return active && activity.contains(now);
    }

    /** C11: a type shown to members (not cashback, not percentage) whose visibility window holds {@code now}. */
    public boolean visibleAt(Instant now) {
        return reward != RewardType.CASHBACK && reward != RewardType.PERCENTAGE_DISCOUNT_CODE
                && visibility.contains(now);
    }

    /** The name in {@code locale}, else in any locale (the default locale always has one). */
    public String name(String locale) {
        CampaignTranslation t = translations.get(locale);
        if (t != null && t.name() != null) {
            return t.name();
        }
        return translations.values().stream().map(CampaignTranslation::name).filter(n -> n != null).findFirst()
                .orElse("");
    }
}
