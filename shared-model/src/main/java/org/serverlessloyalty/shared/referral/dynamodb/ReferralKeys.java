package org.serverlessloyalty.shared.referral.dynamodb;

import java.util.Map;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Invitations (docs/dynamodb-design.md, "Referral"): the store's invitations in one partition
 * {@code {store}#INVITATION}, one item per token (sk {@code {token}}): the list is one Query, registration's look-up
 * one GetItem. Who referred a member: {@code {store}#REFERRED#{memberId}} / {@code INVITATION}, written in the same
 * transaction that ties the invitation, so a member is referred once and a token used once.
 */
public final class ReferralKeys {

    static final String REFERRED_SK = "INVITATION";

    private ReferralKeys() {
    }

    public static String invitations(StoreCode store) {
        return store.value() + "#INVITATION";
    }

    public static Map<String, AttributeValue> invitation(StoreCode store, String token) {
        return TableKeys.key(invitations(store), token);
    }

    public static Map<String, AttributeValue> referred(StoreCode store, String memberId) {
        return TableKeys.key(store.value() + "#REFERRED#" + memberId, REFERRED_SK);
    }
}
