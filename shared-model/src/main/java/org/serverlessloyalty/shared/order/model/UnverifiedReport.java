package org.serverlessloyalty.shared.order.model;

import java.time.Instant;

/**
 * What the browser beacon reported for an order id, kept beside the trusted order rather than in its
 * place: the beacon's key is public, so its report is a sighting, never the order of record.
 *
 * @param receivedAt when the ledger recorded it (the first beacon report of the id; later ones change nothing)
 */
public record UnverifiedReport(OrderReport report, String contentHash, Instant receivedAt) {
}
