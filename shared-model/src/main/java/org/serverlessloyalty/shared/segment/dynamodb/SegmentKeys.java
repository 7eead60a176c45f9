package org.serverlessloyalty.shared.segment.dynamodb;

import static org.serverlessloyalty.shared.platform.dynamodb.TableKeys.key;

import java.util.Map;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where segments live (docs/dynamodb-design.md, "Levels and segments"): the store's segments in
 * {@code {store}#SEGMENTS} (sk {@code SEGMENT#{id}}); a segment's members in {@code {store}#SEGMENT#{id}} (sk
 * {@code MEMBER#{memberId}}); and, written in the same transaction, the member's side in their audience partition
 * {@code {store}#AUDIENCE#{memberId}} (sk {@code SEGMENT#{id}}), beside their level state.
 */
final class SegmentKeys {

    static final String SEGMENT_PREFIX = "SEGMENT#";
    static final String MEMBER_PREFIX = "MEMBER#";

    private SegmentKeys() {
    }

    static String segmentsPartition(StoreCode store) {
        return store.value() + "#SEGMENTS";
    }

    static Map<String, AttributeValue> segment(StoreCode store, String segmentId) {
        return key(segmentsPartition(store), SEGMENT_PREFIX + segmentId);
    }

    static String membersPartition(StoreCode store, String segmentId) {
        return store.value() + "#SEGMENT#" + segmentId;
    }

    static Map<String, AttributeValue> membership(StoreCode store, String segmentId, String memberId) {
        return key(membersPartition(store, segmentId), MEMBER_PREFIX + memberId);
    }

    /** The same partition as the member's level state: one Query reads who the member is for targeting. */
    static String audiencePartition(StoreCode store, String memberId) {
        return store.value() + "#AUDIENCE#" + memberId;
    }

    static Map<String, AttributeValue> memberSide(StoreCode store, String segmentId, String memberId) {
        return key(audiencePartition(store, memberId), SEGMENT_PREFIX + segmentId);
    }
}
