package org.serverlessloyalty.shared.level.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.TableKeys.key;

import java.util.Map;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where levels live (docs/dynamodb-design.md, "Levels and segments"): the store's levels and level settings in one
 * small partition {@code {store}#LEVELS} (a list is one Query); a member's level state in the member's audience
 * partition {@code {store}#AUDIENCE#{memberId}} (sk {@code LEVEL}), beside their segments, so that who a member is
 * for targeting is one Query; each level's members in {@code {store}#LEVEL#{levelId}} (sk {@code MEMBER#{id}}),
 * written in the transaction that moves the member, so L-6 and {@code customersCount} are Queries.
 */
public final class LevelKeys {

    static final String LEVEL_PREFIX = "LEVEL#";
    static final String MEMBER_PREFIX = "MEMBER#";
    static final String STATE_SK = "LEVEL";
    static final String SETTINGS_SK = "SETTINGS";

    private LevelKeys() {
    }

    static String levelsPartition(StoreCode store) {
        return store.value() + "#LEVELS";
    }

    static Map<String, AttributeValue> level(StoreCode store, String levelId) {
        return key(levelsPartition(store), LEVEL_PREFIX + levelId);
    }

    static Map<String, AttributeValue> settings(StoreCode store) {
        return key(levelsPartition(store), SETTINGS_SK);
    }

    /** The member's audience partition (the segment domain keeps the member's segments there too). */
    public static String audiencePartition(StoreCode store, String memberId) {
        return store.value() + "#AUDIENCE#" + memberId;
    }

    static Map<String, AttributeValue> state(StoreCode store, String memberId) {
        return key(audiencePartition(store, memberId), STATE_SK);
    }

    /** gsi2: the store's placed members by their level clock (sparse: only members in a level carry the keys). */
    static String clockPartition(StoreCode store) {
        return store.value() + "#LEVEL_CLOCK";
    }

    /** Fixed width, so the index sorts by time ({@code Instant.toString} drops zero fractions). */
    static String clockSortKey(java.time.Instant at, String memberId) {
        return SORTABLE.format(at) + "#" + memberId;
    }

    static final java.time.format.DateTimeFormatter SORTABLE = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    static String membersPartition(StoreCode store, String levelId) {
        return store.value() + "#LEVEL#" + levelId;
    }

    static Map<String, AttributeValue> membership(StoreCode store, String levelId, String memberId) {
        return key(membersPartition(store, levelId), MEMBER_PREFIX + memberId);
    }
}
