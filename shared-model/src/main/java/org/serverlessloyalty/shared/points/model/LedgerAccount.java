package org.serverlessloyalty.shared.points.model;

import java.util.List;

/**
 * A member's lots and blocks as one read returned them, with the member's account version at that read: a counter
 * that only the actions giving an existing lot usable points again bump (a block's cancel gives points back, an
 * early activate unlocks a pending lot). A decision drawn from this account holds rule P8 (oldest first) exactly
 * while the version is unchanged: the draws' own conditions hold everything else (docs/dynamodb-design.md).
 *
 * @param version 0 while the member's version was never bumped
 */
public record LedgerAccount(List<PointsTransfer> transfers, long version) {

    public LedgerAccount {
        transfers = List.copyOf(transfers);
        if (version < 0) {
            throw new IllegalArgumentException("an account version is never negative");
        }
    }
}
