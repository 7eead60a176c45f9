package org.serverlessloyalty.shared.points.dynamodb;

import java.time.Instant;
import java.util.Map;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.points.model.ListedState;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferState;
import org.serverlessloyalty.shared.points.rules.StateTidying;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The state a transfer's item stores for lists ({@link ListedState}; docs/dynamodb-design.md, "Points"): {@code state}
 * (Open Loyalty's name), and while time will change it, the sparse gsi2 keys {@code gsi2pk={store}#PT_DUE},
 * {@code gsi2sk={nextChange, epoch ms, 15 digits}#{transferId}} that the scheduled tidy-up queries for what is due.
 * Nothing that decides a balance or a spend reads them.
 */
final class ListedStateAttributes {

    static final String STATE = "state";

    private ListedStateAttributes() {
    }

    /** gsi2: the store's transfers whose stored state changes at a known instant, earliest first. */
    static String duePartition(StoreCode store) {
        return store.value() + "#PT_DUE";
    }

    static String dueSk(Instant nextChange, TransferId id) {
        return dueBound(nextChange) + "#" + id.value();
    }

    /** Sorts after every due key of {@code at} (the {@code #} that follows the instant sorts before {@code ~}). */
    static String dueUpTo(Instant at) {
        return dueBound(at) + "#~";
    }

    private static String dueBound(Instant at) {
        return String.format("%015d", at.toEpochMilli());
    }

    /** A new transfer's state as of its creation, and its due keys when time will change it. */
    static void put(Map<String, AttributeValue> item, PointsTransfer transfer) {
        ListedState listed = StateTidying.listedAt(transfer, transfer.createdAt());
        item.put(STATE, AttributeValue.fromS(listed.state().openLoyaltyName()));
        if (listed.nextChange() != null) {
            item.put(TableKeys.GSI2_PK, AttributeValue.fromS(duePartition(transfer.store())));
            item.put(TableKeys.GSI2_SK, AttributeValue.fromS(dueSk(listed.nextChange(), transfer.id())));
        }
    }

    /** The stored state; an item written before states were stored reads as its state at creation. */
    static ListedState read(Map<String, AttributeValue> item, PointsTransfer transfer) {
        AttributeValue state = item.get(STATE);
        if (state == null) {
            return StateTidying.listedAt(transfer, transfer.createdAt());
        }
        AttributeValue due = item.get(TableKeys.GSI2_SK);
        Instant next = due == null ? null : Instant.ofEpochMilli(Long.parseLong(due.s().substring(0, 15)));
        return new ListedState(TransferState.fromOpenLoyaltyName(state.s()), next);
    }
}
