package org.serverlessloyalty.shared.earning.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import org.serverlessloyalty.shared.earning.event.model.EventRule;
import org.serverlessloyalty.shared.earning.event.model.EventRuleType;
import org.serverlessloyalty.shared.earning.event.model.GeoPoint;
import org.serverlessloyalty.shared.earning.event.model.ReferralReward;
import org.serverlessloyalty.shared.earning.event.model.UsageLimit;
import org.serverlessloyalty.shared.earning.event.model.UsagePeriod;

/** Event rules for tests: active, all-time, aimed at everyone unless changed. */
public final class EventRules {

    private EventRules() {
    }

    public static EventRule event(String id, String eventName, String points) {
        return rule(id, EventRuleType.EVENT, eventName, points, null, null, null, null, null);
    }

    public static EventRule custom(String id, String eventName, String points, UsagePeriod period, int limit) {
        return rule(id, EventRuleType.CUSTOM_EVENT, eventName, points,
                period == null ? null : new UsageLimit(period, limit), null, null, null, null);
    }

    public static EventRule geo(String id, double lat, double lon, String radiusKm, String points) {
        return rule(id, EventRuleType.GEOLOCATION, null, points, null, new GeoPoint(lat, lon),
                new BigDecimal(radiusKm), null, null);
    }

    public static EventRule qr(String id, String code, String points) {
        return rule(id, EventRuleType.QRCODE, null, points, null, null, null, code, null);
    }

    public static EventRule referral(String id, String eventName, ReferralReward reward, String points) {
        return rule(id, EventRuleType.REFERRAL, eventName, points, null, null, null, null, reward);
    }

    public static EventRule rule(String id, EventRuleType type, String eventName, String points, UsageLimit limit,
                                 GeoPoint place, BigDecimal radius, String code, ReferralReward reward) {
        return new EventRule(id, "Rule " + id, type, eventName, new BigDecimal(points), limit, place, radius, code,
                reward, true, true, null, null, Set.of(), Set.of());
    }

    public static EventRule limited(EventRule r, UsagePeriod period, int limit) {
        return new EventRule(r.id(), r.name(), r.type(), r.eventName(), r.points(), new UsageLimit(period, limit),
                r.location(), r.radiusKm(), r.code(), r.reward(), r.active(), r.allTimeActive(), r.startAt(), r.endAt(),
                r.levelIds(), r.segmentIds());
    }

    public static EventRule inactive(EventRule r) {
        return new EventRule(r.id(), r.name(), r.type(), r.eventName(), r.points(), r.limit(), r.location(),
                r.radiusKm(), r.code(), r.reward(), false, r.allTimeActive(), r.startAt(), r.endAt(), r.levelIds(),
                r.segmentIds());
    }

    public static EventRule between(EventRule r, Instant start, Instant end) {
        return new EventRule(r.id(), r.name(), r.type(), r.eventName(), r.points(), r.limit(), r.location(),
                r.radiusKm(), r.code(), r.reward(), r.active(), false, start, end, r.levelIds(), r.segmentIds());
    }

    public static EventRule forLevel(EventRule r, String levelId) {
        return new EventRule(r.id(), r.name(), r.type(), r.eventName(), r.points(), r.limit(), r.location(),
                r.radiusKm(), r.code(), r.reward(), r.active(), r.allTimeActive(), r.startAt(), r.endAt(),
                Set.of(levelId), Set.of());
    }
}
