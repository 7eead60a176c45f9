package org.serverlessloyalty.shared.points.model;

import java.math.BigDecimal;

/** Hold some of a member's points so they cannot be spent (B9) until the block is cancelled. */
public record BlockPoints(String memberId, BigDecimal points, String comment, Issuer issuer) {
}
