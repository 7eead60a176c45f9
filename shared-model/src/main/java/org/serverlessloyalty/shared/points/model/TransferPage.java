package org.serverlessloyalty.shared.points.model;

import java.util.List;

/** One page of a transfer list and how many transfers match ({@code {"transfers": [...], "total": N}}). */
public record TransferPage(List<PointsTransfer> transfers, int total) {

    public TransferPage {
        transfers = List.copyOf(transfers);
    }
}
