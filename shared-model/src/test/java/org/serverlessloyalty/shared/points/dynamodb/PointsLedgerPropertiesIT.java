package org.serverlessloyalty.shared.points.dynamodb;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.testing.LocalTable;

/** {@link LedgerProperties} on the in-process DynamoDB as it normally runs. */
class PointsLedgerPropertiesIT extends LedgerProperties {

    private static final LocalTable TABLE = LocalTable.create();

    @Override
    LocalTable table() {
        return TABLE;
    }

    @Property(tries = 400)
    void everyChainOfActionsKeepsTheLedgerInvariantsAfterEveryStep(@ForAll("settings") PointsSettings settings,
                                                                    @ForAll("starts") int start,
                                                                    @ForAll("chains") List<Action> actions) {
        checkChain(settings, start, actions);
        requireCoverage();
    }

    @Property(tries = 250)
    void actionsOnTwoInstancesWithStaleCachesAnswerAndDrawExactlyAsTheModel(
            @ForAll("settings") PointsSettings settings, @ForAll("starts") int start,
            @ForAll("staleCacheChains") List<Action> actions) {
        checkChain(settings, start, actions);
    }
}
