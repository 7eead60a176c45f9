package org.serverlessloyalty.shared.points.model;

/** One {@code key:value} of Open Loyalty's {@code labels} string ({@code "vip:gold;source:shop"}). */
public record Label(String key, String value) {
}
