package org.serverlessloyalty.shared.earning.event.model;

/** A place in degrees (rule E13): latitude in [-90, 90], longitude in [-180, 180]. */
public record GeoPoint(double latitude, double longitude) {

    public GeoPoint {
        if (!isLatitude(latitude) || !isLongitude(longitude)) {
            throw new IllegalArgumentException("not a place: " + latitude + ", " + longitude);
        }
    }

    public static boolean isLatitude(double value) {
        return Double.isFinite(value) && value >= -90 && value <= 90;
    }

    public static boolean isLongitude(double value) {
        return Double.isFinite(value) && value >= -180 && value <= 180;
    }
}
