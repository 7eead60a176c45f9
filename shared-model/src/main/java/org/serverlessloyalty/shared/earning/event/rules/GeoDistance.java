package org.serverlessloyalty.shared.earning.event.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.serverlessloyalty.shared.earning.event.model.GeoPoint;

/**
 * Rule E13's distance, exactly as Open Loyalty measures it: the great-circle angle by the spherical law of cosines,
 * turned into nautical-mile minutes, statute miles (× 1.1515) and km (× 1.609344), rounded to the metre. Kept as
 * Open Loyalty has it (not haversine) so a place at the edge of a radius is in or out as it was there.
 */
public final class GeoDistance {

    private static final double STATUTE_MILES_PER_NAUTICAL_MINUTE = 1.1515;
    private static final double KM_PER_MILE = 1.609344;

    private GeoDistance() {
    }

    public static BigDecimal km(GeoPoint from, GeoPoint to) {
        double theta = Math.toRadians(from.longitude() - to.longitude());
        double lat1 = Math.toRadians(from.latitude());
        double lat2 = Math.toRadians(to.latitude());
        double cosine = Math.sin(lat1) * Math.sin(lat2) + Math.cos(lat1) * Math.cos(lat2) * Math.cos(theta);
        // Rounding can put the cosine of two equal places a hair above 1, where acos is NaN.
        double degrees = Math.toDegrees(Math.acos(Math.max(-1.0, Math.min(1.0, cosine))));
        double km = degrees * 60 * STATUTE_MILES_PER_NAUTICAL_MINUTE * KM_PER_MILE;
        return BigDecimal.valueOf(km).setScale(3, RoundingMode.HALF_UP);
    }

    /** Inside the radius, its edge included. */
    public static boolean within(GeoPoint centre, BigDecimal radiusKm, GeoPoint place) {
        return km(centre, place).compareTo(radiusKm) <= 0;
    }
}
