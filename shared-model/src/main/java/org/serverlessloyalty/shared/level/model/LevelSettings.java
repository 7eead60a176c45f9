package org.serverlessloyalty.shared.level.model;

import java.util.Set;

/**
 * A store's level settings (rules L2-L4), kept in their own item and read and written through the store's body
 * ({@code PUT/GET /api/store/{storeCode}}) as the points settings are.
 *
 * @param downgradeDays        X of {@link DowngradeMode#AFTER_X_DAYS}
 * @param excludedSkus         {@code excludedLevelSKUs}: items that do not count towards a level by transactions (L4)
 * @param excludedCategories   {@code excludedLevelCategories}: the same by category
 * @param excludeDeliveryCosts {@code excludeDeliveryCostsFromTierAssignment}: the amount without the delivery SKUs
 */
public record LevelSettings(TierAssignType tierAssignType, DowngradeMode downgradeMode, int downgradeDays,
                            DowngradeBase downgradeBase, Set<String> excludedSkus, Set<String> excludedCategories,
                            boolean excludeDeliveryCosts) {

    /** Open Loyalty's defaults: points, balance-based, automatic downgrade. */
    public static final LevelSettings DEFAULTS = new LevelSettings(TierAssignType.POINTS, DowngradeMode.AUTOMATIC, 30,
            DowngradeBase.ACTIVE_POINTS, Set.of(), Set.of(), false);

    public LevelSettings {
        if (tierAssignType == null || downgradeMode == null || downgradeBase == null) {
            throw new IllegalArgumentException("the tier type, downgrade mode and base are required");
        }
        if (downgradeDays < 1) {
            throw new IllegalArgumentException("downgradeDays must be at least 1");
        }
        excludedSkus = Set.copyOf(excludedSkus);
        excludedCategories = Set.copyOf(excludedCategories);
    }
}
