package org.serverlessloyalty.shared.points.model;

import java.math.BigDecimal;

/**
 * Add points to a member (B3; earning rules later): a new adding lot.
 *
 * @param comment     why (item 22); null or blank gets "Added by {issuer}"
 * @param transaction the purchase it was earned on, or null
 */
public record AddPoints(String memberId, BigDecimal points, String comment, Issuer issuer, TransactionRef transaction) {
}
