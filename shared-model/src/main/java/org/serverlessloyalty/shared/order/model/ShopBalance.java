package org.serverlessloyalty.shared.order.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The shop's own count of a member's points (CibleR's {@code orderContext.userBalance}), as its latest order
 * reported it: shown beside this engine's balance, never added to it.
 *
 * @param orderId the order that reported it
 * @param at      the order's date (or when it was applied): an older order's report never replaces a newer one
 */
public record ShopBalance(BigDecimal balance, String orderId, Instant at) {
}
