package org.serverlessloyalty.shared.earning.event.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.serverlessloyalty.shared.earning.model.Audience;

/**
 * What event earning needs of an earning rule of an event type (rules E1, E11-E14): the rules domain's model seen
 * through {@link org.serverlessloyalty.shared.earning.event.port.EventRuleSource}.
 *
 * @param eventName  EVENT, CUSTOM_EVENT: the event; REFERRAL: register, first_purchase or every_purchase
 * @param limit      CUSTOM_EVENT, GEOLOCATION, QRCODE: null when the limit is off
 * @param location   GEOLOCATION only
 * @param radiusKm   GEOLOCATION only
 * @param code       QRCODE only
 * @param reward     REFERRAL only
 * @param startAt    null when {@code allTimeActive}
 * @param levelIds   the levels it targets; with {@code segmentIds} empty too, every member (oloy.account.created)
 */
public record EventRule(String id, String name, EventRuleType type, String eventName, BigDecimal points,
                        UsageLimit limit, GeoPoint location, BigDecimal radiusKm, String code, ReferralReward reward,
                        boolean active, boolean allTimeActive, Instant startAt, Instant endAt,
                        Set<String> levelIds, Set<String> segmentIds) {

    public EventRule {
        levelIds = levelIds == null ? Set.of() : Set.copyOf(levelIds);
        segmentIds = segmentIds == null ? Set.of() : Set.copyOf(segmentIds);
    }

    /** Rule E1 for an event: active, inside its window at {@code at}, and aimed at the member's level or segments. */
    public boolean appliesTo(Audience audience, Instant at) {
        if (!active) {
            return false;
        }
        if (!allTimeActive && ((startAt != null && at.isBefore(startAt)) || (endAt != null && at.isAfter(endAt)))) {
            return false;
        }
        if (levelIds.isEmpty() && segmentIds.isEmpty()) {
            return true;
        }
        return (audience.levelId() != null && levelIds.contains(audience.levelId()))
                || audience.segmentIds().stream().anyMatch(segmentIds::contains);
    }
}
