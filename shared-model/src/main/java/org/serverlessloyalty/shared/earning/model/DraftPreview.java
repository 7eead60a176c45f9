package org.serverlessloyalty.shared.earning.model;

import java.math.BigDecimal;

/**
 * What an unsaved earning rule would give one basket (ours: Open Loyalty has no draft simulation).
 *
 * @param points                the draft alone (rules E1, E4-E9 for its own type), 2 dp
 * @param pointsWithActiveRules the draft among the store's active saved rules, in E3's order with E9's stops, as
 *                              the merchant's preview counts them (T7: no member, so no level, segment or status)
 */
public record DraftPreview(BigDecimal points, BigDecimal pointsWithActiveRules) {
}
