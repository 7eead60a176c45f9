package org.serverlessloyalty.shared.transaction.dynamodb;

import java.util.Map;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.points.dynamodb.PointsKeys;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where transactions live (docs/dynamodb-design.md, "Transactions"):
 * <ul>
 * <li>the transaction: {@code {store}#TX#{id}} / {@code TX}, in the partition the points ledger keeps the sale's
 *     {@code REVOKED} tally in ({@link PointsKeys#transaction}); on gsi1 under {@code {store}#TX} by creation time
 *     (the store's list, T-2);</li>
 * <li>the claim on its document number: {@code {store}#TXDOC#{documentNumber}} / {@code TXDOC} (T1);</li>
 * <li>the member's copy: {@code {store}#MEMBER#{memberId}} / {@code TXM#{id}}, so a member's transactions (T6, the
 *     customer's list) are one Query of their partition;</li>
 * <li>item labels (T-7): {@code {store}#TXLABELS} / {@code {key}} holding the set of its values.</li>
 * </ul>
 */
public final class TransactionKeys {

    static final String TX_SK = "TX";
    static final String DOC_SK = "TXDOC";
    static final String MEMBER_COPY_PREFIX = "TXM#";

    private TransactionKeys() {
    }

    static Map<String, AttributeValue> transaction(StoreCode store, String id) {
        return TableKeys.key(PointsKeys.transaction(store, id), TX_SK);
    }

    static Map<String, AttributeValue> document(StoreCode store, String documentNumber) {
        return TableKeys.key(store.value() + "#TXDOC#" + documentNumber, DOC_SK);
    }

    static String memberPartition(StoreCode store, String memberId) {
        return store.value() + "#MEMBER#" + memberId;
    }

    static Map<String, AttributeValue> memberCopy(StoreCode store, String memberId, String id) {
        return TableKeys.key(memberPartition(store, memberId), MEMBER_COPY_PREFIX + id);
    }

    static String storeList(StoreCode store) {
        return store.value() + "#TX";
    }

    static String itemLabels(StoreCode store) {
        return store.value() + "#TXLABELS";
    }

    static Map<String, AttributeValue> settings(StoreCode store) {
        return TableKeys.key(store.value() + "#TX_SETTINGS", "SETTINGS");
    }
}
