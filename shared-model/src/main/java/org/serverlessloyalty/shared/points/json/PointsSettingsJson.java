package org.serverlessloyalty.shared.points.json;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.MemberStatus;
import org.serverlessloyalty.shared.points.model.PointsSettings;

/**
 * A store's points settings in its body ({@code PUT} and {@code GET /api/store/{storeCode}}), under Open Loyalty's
 * settings names: {@code pointsDaysExpiryAfter} ({@code after_x_days}, {@code at_the_end_of_the_month},
 * {@code at_the_end_of_the_year}, {@code all_time_active}), {@code pointsDaysActiveCount} (the days of
 * {@code after_x_days}), {@code allTimeNotLocked} and {@code pointsDaysLocked}, {@code customerStatusesEarning} and
 * {@code customerStatusesSpending}; plus this engine's {@code refuseCancelWhenSpent}.
 */
public final class PointsSettingsJson {

    public static final String EXPIRY_AFTER = "pointsDaysExpiryAfter";
    public static final String ACTIVE_COUNT = "pointsDaysActiveCount";
    public static final String ALL_TIME_NOT_LOCKED = "allTimeNotLocked";
    public static final String DAYS_LOCKED = "pointsDaysLocked";
    public static final String STATUSES_EARNING = "customerStatusesEarning";
    public static final String STATUSES_SPENDING = "customerStatusesSpending";
    public static final String REFUSE_CANCEL_WHEN_SPENT = "refuseCancelWhenSpent";

    /** The names a store body may carry for the points settings. */
    public static final Set<String> FIELDS = Set.of(EXPIRY_AFTER, ACTIVE_COUNT, ALL_TIME_NOT_LOCKED, DAYS_LOCKED,
            STATUSES_EARNING, STATUSES_SPENDING, REFUSE_CANCEL_WHEN_SPENT);

    public static final int MAX_DAYS = 36_500;

    private PointsSettingsJson() {
    }

    /** Whether the body gives any points setting (a store update without one leaves them untouched). */
    public static boolean givesAny(JsonFields json) {
        return FIELDS.stream().anyMatch(f -> json.raw(f) != null);
    }

    /**
     * {@code current} with the settings the body gives; problems are recorded in {@code json.errors()} and
     * {@code current} is returned.
     */
    public static PointsSettings parse(JsonFields json, PointsSettings current) {
        int before = json.errors().size();
        ExpiryMode mode = current.expiryMode();
        String modeName = json.string(EXPIRY_AFTER, 32);
        if (modeName != null) {
            try {
                mode = ExpiryMode.fromOpenLoyaltyName(modeName);
            } catch (IllegalArgumentException e) {
                json.errors().add(json.path(EXPIRY_AFTER),
                        "must be after_x_days, at_the_end_of_the_month, at_the_end_of_the_year or all_time_active");
            }
        }
        Long activeCount = json.integer(ACTIVE_COUNT, 1, MAX_DAYS);
        int expiryDays = activeCount != null ? activeCount.intValue() : current.expiryDays();

        Boolean notLocked = json.bool(ALL_TIME_NOT_LOCKED);
        Long daysLocked = json.integer(DAYS_LOCKED, 0, MAX_DAYS);
        int lockDays = current.lockDays();
        if (Boolean.TRUE.equals(notLocked)) {
            if (daysLocked != null && daysLocked > 0) {
                json.errors().add(json.path(DAYS_LOCKED), "must be 0 or left out when allTimeNotLocked is true");
            }
            lockDays = 0;
        } else if (daysLocked != null) {
            lockDays = daysLocked.intValue();
        }
        if (Boolean.FALSE.equals(notLocked) && lockDays == 0 && json.errors().size() == before) {
            json.errors().add(json.path(DAYS_LOCKED), "is required (1 or more) when allTimeNotLocked is false");
        }

        Set<String> earning = statuses(json, STATUSES_EARNING, current.earningStatuses());
        Set<String> spending = statuses(json, STATUSES_SPENDING, current.spendingStatuses());
        Boolean refuse = json.bool(REFUSE_CANCEL_WHEN_SPENT);
        if (json.errors().size() > before) {
            return current;
        }
        return new PointsSettings(mode, expiryDays, lockDays, earning, spending,
                refuse != null ? refuse : current.refuseCancelWhenSpent());
    }

    private static Set<String> statuses(JsonFields json, String field, Set<String> current) {
        List<String> given = json.strings(field, MemberStatus.values().length, 32);
        if (given == null) {
            return current;
        }
        Set<String> statuses = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            if (MemberStatus.fromValue(given.get(i)).isEmpty()) {
                json.errors().add(json.path(field) + "[" + i + "]", "must be active, inactive or anonymized");
            } else {
                statuses.add(given.get(i));
            }
        }
        return statuses;
    }

    /** The settings as a store's body shows them. */
    public static Map<String, Object> toJson(PointsSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(EXPIRY_AFTER, settings.expiryMode().openLoyaltyName());
        json.put(ACTIVE_COUNT, settings.expiryDays());
        json.put(ALL_TIME_NOT_LOCKED, settings.lockDays() == 0);
        json.put(DAYS_LOCKED, settings.lockDays());
        json.put(STATUSES_EARNING, settings.earningStatuses().stream().sorted().toList());
        json.put(STATUSES_SPENDING, settings.spendingStatuses().stream().sorted().toList());
        json.put(REFUSE_CANCEL_WHEN_SPENT, settings.refuseCancelWhenSpent());
        return json;
    }
}
