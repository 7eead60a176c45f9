package org.serverlessloyalty.shared.points.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.TableKeys.key;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.MemberClaim;
import org.serverlessloyalty.shared.points.rules.MemberSearchRules;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where members live (docs/dynamodb-design.md, "Members"): each member in its own partition
 * {@code {store}#MEMBER#{memberId}} (which the points ledger's items of that member share), each unique value's
 * claim in its kind's partition {@code {store}#MEMBER_KEY#{KIND}} keyed by the value, and the store's points
 * settings and customer-token key in {@code {store}#POINTS}.
 */
public final class MemberKeys {

    static final String MEMBER_SK = "MEMBER";
    static final String SETTINGS_SK = "SETTINGS";
    static final String CUSTOMER_TOKEN_KEY_SK = "CUSTOMER_TOKEN_KEY";

    /** Fixed width, so the index sorts by time: {@code Instant.toString} drops zero fractions. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private MemberKeys() {
    }

    /** The partition of one member: its MEMBER item here, and the ledger's items of that member. */
    public static String memberPartition(StoreCode store, String memberId) {
        return store.value() + "#MEMBER#" + memberId;
    }

    public static Map<String, AttributeValue> member(StoreCode store, String memberId) {
        return key(memberPartition(store, memberId), MEMBER_SK);
    }

    /** One partition per kind and store: its sort keys are the values, so a prefix search is one Query. */
    static String claimPartition(StoreCode store, ClaimKind kind) {
        return store.value() + "#MEMBER_KEY#" + kind.name();
    }

    static Map<String, AttributeValue> claim(StoreCode store, MemberClaim claim) {
        return key(claimPartition(store, claim.kind()), claim.value());
    }

    /** gsi1: the store's members, by creation time. */
    static String membersPartition(StoreCode store) {
        return store.value() + "#MEMBERS";
    }

    static String membersSortKey(Instant createdAt, String memberId) {
        return SORTABLE.format(createdAt) + "#" + memberId;
    }

    /** gsi2: the store's members by name (sparse: an anonymized member has none). */
    static String namesPartition(StoreCode store) {
        return store.value() + "#MEMBERS_BY_NAME";
    }

    static String namesSortKey(String lastName, String firstName, String memberId) {
        return MemberSearchRules.nameKey(lastName, firstName) + "#" + memberId;
    }

    static Map<String, AttributeValue> settings(StoreCode store) {
        return key(store.value() + "#POINTS", SETTINGS_SK);
    }

    static Map<String, AttributeValue> customerTokenKey(StoreCode store) {
        return key(store.value() + "#POINTS", CUSTOMER_TOKEN_KEY_SK);
    }
}
