package org.serverlessloyalty.shared.points.dynamodb;

import java.time.LocalDate;
import java.util.Map;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.points.model.HistogramType;
import org.serverlessloyalty.shared.points.model.TallyKey;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferType;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * The points ledger's keys (docs/dynamodb-design.md, "Points"). A member's account is one partition,
 * {@code {store}#MEMBER#{memberId}}, with one item per transfer, sorted by kind then time-ordered id:
 * <ul>
 * <li>{@code PT#B#{id}}: blocks, {@code PT#L#{id}}: lots (adding, p2p_adding) — together the range
 *     {@code PT#B# .. PT#L$} is everything the balance and the status depend on: one Query;</li>
 * <li>{@code PT#C#VERSION}: the account version (bumped only when an existing lot gains usable points), read with
 *     the lots and blocks;</li>
 * <li>{@code PT#S#{id}}: spending and p2p_spending transfers, only read to list them.</li>
 * </ul>
 * Every transfer is also on gsi1 under {@code {store}#PT} with its id as sort key: the store-wide list in creation
 * order, and the lookup of a transfer by id. The histogram's counters are {@code {store}#PTH#{pointType}} /
 * {@code {yyyy-MM-dd}#{shard}}.
 */
public final class PointsKeys {

    static final String LOTS_AND_BLOCKS_FROM = "PT#B#";
    /** {@code $} sorts right after {@code #}: the end of the {@code PT#L#...} keys. */
    static final String LOTS_AND_BLOCKS_TO = "PT#L$";
    static final String TRANSFERS_PREFIX = "PT#";
    /**
     * The member's account version (LedgerAccount): between the blocks ({@code PT#B#}) and the lots ({@code PT#L#}),
     * so the one Query of the account reads it with them; not a transfer, so every read of transfers skips it.
     */
    static final String ACCOUNT_VERSION_SK = "PT#C#VERSION";

    private PointsKeys() {
    }

    public static String account(StoreCode store, String memberId) {
        return store.value() + "#MEMBER#" + memberId;
    }

    public static String transferSk(TransferType type, TransferId id) {
        String kind = type.isLot() ? "L" : type == TransferType.BLOCKED ? "B" : "S";
        return "PT#" + kind + "#" + id.value();
    }

    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> transfer(
            StoreCode store, String memberId, TransferType type, TransferId id) {
        return TableKeys.key(account(store, memberId), transferSk(type, id));
    }

    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> lot(
            StoreCode store, String memberId, TransferId id) {
        return transfer(store, memberId, TransferType.ADDING, id);
    }

    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> block(
            StoreCode store, String memberId, TransferId id) {
        return transfer(store, memberId, TransferType.BLOCKED, id);
    }

    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> accountVersion(
            StoreCode store, String memberId) {
        return TableKeys.key(account(store, memberId), ACCOUNT_VERSION_SK);
    }

    /** gsi1: every transfer of the store, by id (= creation order). */
    public static String storeTransfers(StoreCode store) {
        return store.value() + "#PT";
    }

    public static String histogram(StoreCode store, HistogramType type) {
        return store.value() + "#PTH#" + type.openLoyaltyName();
    }

    public static String histogramSk(LocalDate day, int shard) {
        return day + "#" + String.format("%02d", shard);
    }

    /**
     * A {@link TallyKey}'s counter: a rule's uses sit in the member's partition ({@code ERU#{ruleId}#{period}},
     * outside the account's ranges); a transaction's revoked points in the transaction's partition
     * ({@code {store}#TX#{transactionId}}, sk {@code REVOKED}, and {@code EARNED} for its earning), read with the
     * transaction.
     */
    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> tally(StoreCode store,
                                                                                                   TallyKey key) {
        if (key instanceof TallyKey.RuleUsage usage) {
            return TableKeys.key(account(store, usage.memberId()), "ERU#" + usage.ruleId() + "#" + usage.period());
        }
        if (key instanceof TallyKey.Earned earned) {
            return TableKeys.key(transaction(store, earned.transactionId()), EARNED_SK);
        }
        return TableKeys.key(transaction(store, ((TallyKey.Revoked) key).transactionId()), REVOKED_SK);
    }

    /** The partition of a registered transaction (rule T1-T5): the transaction domain's items and its tally. */
    public static String transaction(StoreCode store, String transactionId) {
        return store.value() + "#TX#" + transactionId;
    }

    public static final String REVOKED_SK = "REVOKED";
    public static final String EARNED_SK = "EARNED";

    /** Sorts after every shard of {@code day}. */
    static String histogramDayEnd(LocalDate day) {
        return day + "#~";
    }
}
