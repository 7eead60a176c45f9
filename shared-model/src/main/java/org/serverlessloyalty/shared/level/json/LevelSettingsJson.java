package org.serverlessloyalty.shared.level.json;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.level.model.DowngradeBase;
import org.serverlessloyalty.shared.level.model.DowngradeMode;
import org.serverlessloyalty.shared.level.model.LevelSettings;
import org.serverlessloyalty.shared.level.model.TierAssignType;
import org.serverlessloyalty.shared.platform.http.JsonFields;

/**
 * A store's level settings in its body ({@code PUT} and {@code GET /api/store/{storeCode}}), under Open Loyalty's
 * settings names: {@code tierAssignType} ({@code points}, {@code transactions}), {@code levelDowngradeMode}
 * ({@code none}, {@code automatic}, {@code after_x_days}), {@code levelDowngradeDays}, {@code levelDowngradeBase}
 * ({@code active_points}, {@code earned_points}, {@code earned_points_since_last_level_change}),
 * {@code excludedLevelSKUs}, {@code excludedLevelCategories}, {@code excludeDeliveryCostsFromTierAssignment}.
 */
public final class LevelSettingsJson {

    public static final String TIER_ASSIGN_TYPE = "tierAssignType";
    public static final String DOWNGRADE_MODE = "levelDowngradeMode";
    public static final String DOWNGRADE_DAYS = "levelDowngradeDays";
    public static final String DOWNGRADE_BASE = "levelDowngradeBase";
    public static final String EXCLUDED_SKUS = "excludedLevelSKUs";
    public static final String EXCLUDED_CATEGORIES = "excludedLevelCategories";
    public static final String EXCLUDE_DELIVERY = "excludeDeliveryCostsFromTierAssignment";

    public static final Set<String> FIELDS = Set.of(TIER_ASSIGN_TYPE, DOWNGRADE_MODE, DOWNGRADE_DAYS, DOWNGRADE_BASE,
            EXCLUDED_SKUS, EXCLUDED_CATEGORIES, EXCLUDE_DELIVERY);

    public static final int MAX_DAYS = 36_500;
    public static final int MAX_EXCLUDED = 500;
    public static final int MAX_EXCLUDED_CHARS = 100;

    private LevelSettingsJson() {
    }

    public static boolean givesAny(JsonFields json) {
        return FIELDS.stream().anyMatch(f -> json.raw(f) != null);
    }

    /** {@code current} with what the body gives; problems recorded in {@code json.errors()}, {@code current} returned. */
    public static LevelSettings parse(JsonFields json, LevelSettings current) {
        int before = json.errors().size();
        TierAssignType type = current.tierAssignType();
        String typeName = json.string(TIER_ASSIGN_TYPE, 32);
        if (typeName != null) {
            try {
                type = TierAssignType.fromOpenLoyaltyName(typeName);
            } catch (IllegalArgumentException e) {
                json.errors().add(json.path(TIER_ASSIGN_TYPE), "must be points or transactions");
            }
        }
        DowngradeMode mode = current.downgradeMode();
        String modeName = json.string(DOWNGRADE_MODE, 32);
        if (modeName != null) {
            try {
                mode = DowngradeMode.fromOpenLoyaltyName(modeName);
            } catch (IllegalArgumentException e) {
                json.errors().add(json.path(DOWNGRADE_MODE), "must be none, automatic or after_x_days");
            }
        }
        Long days = json.integer(DOWNGRADE_DAYS, 1, MAX_DAYS);
        DowngradeBase base = current.downgradeBase();
        String baseName = json.string(DOWNGRADE_BASE, 64);
        if (baseName != null) {
            try {
                base = DowngradeBase.fromOpenLoyaltyName(baseName);
            } catch (IllegalArgumentException e) {
                json.errors().add(json.path(DOWNGRADE_BASE),
                        "must be active_points, earned_points or earned_points_since_last_level_change");
            }
        }
        Set<String> skus = strings(json, EXCLUDED_SKUS, current.excludedSkus());
        Set<String> categories = strings(json, EXCLUDED_CATEGORIES, current.excludedCategories());
        Boolean excludeDelivery = json.bool(EXCLUDE_DELIVERY);
        if (json.errors().size() > before) {
            return current;
        }
        return new LevelSettings(type, mode, days != null ? days.intValue() : current.downgradeDays(), base, skus,
                categories, excludeDelivery != null ? excludeDelivery : current.excludeDeliveryCosts());
    }

    private static Set<String> strings(JsonFields json, String field, Set<String> current) {
        List<String> given = json.strings(field, MAX_EXCLUDED, MAX_EXCLUDED_CHARS);
        return given == null ? current : new LinkedHashSet<>(given);
    }

    public static Map<String, Object> toJson(LevelSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(TIER_ASSIGN_TYPE, settings.tierAssignType().openLoyaltyName());
        json.put(DOWNGRADE_MODE, settings.downgradeMode().openLoyaltyName());
        json.put(DOWNGRADE_DAYS, settings.downgradeDays());
        json.put(DOWNGRADE_BASE, settings.downgradeBase().openLoyaltyName());
        json.put(EXCLUDED_SKUS, settings.excludedSkus().stream().sorted().toList());
        json.put(EXCLUDED_CATEGORIES, settings.excludedCategories().stream().sorted().toList());
        json.put(EXCLUDE_DELIVERY, settings.excludeDeliveryCosts());
        return json;
    }
}
