package org.serverlessloyalty.shared.points.model;

/** What a spend, p2p send or block took from one lot (rule P8: FIFO, oldest lot first). */
public record Draw(TransferId lot, Points points) {

    public Draw {
        if (lot == null || points == null || !points.isPositive()) {
            throw new IllegalArgumentException("a draw takes a positive amount from a lot");
        }
    }
}
