package org.serverlessloyalty.shared.transaction.model;

/**
 * What decides an order's points (setting {@code orderPointsSource}, this engine's): the store's earning rules
 * applied to the order's lines, or the points the shop reported with it (CibleR's {@code orderInformation.points}).
 */
public enum OrderPointsSource {
    RULES,
    REPORTED
}
