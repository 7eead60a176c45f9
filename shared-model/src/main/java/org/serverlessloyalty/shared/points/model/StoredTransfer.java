package org.serverlessloyalty.shared.points.model;

import java.util.Objects;

/** A transfer as its item was read, with the state the item stores for lists ({@link ListedState}). */
public record StoredTransfer(PointsTransfer transfer, ListedState listed) {

    public StoredTransfer {
        Objects.requireNonNull(transfer, "transfer");
        Objects.requireNonNull(listed, "listed");
    }
}
