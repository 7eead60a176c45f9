package org.serverlessloyalty.shared.giftcode.dynamodb;


import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.giftcode.model.BatchStatus;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.GiftCodeBatch;
import org.serverlessloyalty.shared.store.model.StoreCode;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.bool;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.instant;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.longValue;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.putString;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.string;
import static org.serverlessloyalty.shared.platform.dynamodb.Attributes.strings;

/** GiftCodeBatch ⇄ its record, and a chunk's record (the codes one chunk write put in the table). */
final class GiftCodeBatchItemMapper {

    static final String STATUS = "status";
    static final String COUNT = "count";
    static final String WRITTEN = "written";
    static final String CHUNKS = "chunks";
    static final String LEASE = "lease";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String COMMITTED_AT = "committedAt";
    static final String FINISHED = "finished";
    static final String EVENTS_EMITTED = "eventsEmitted";
    static final String CLEANED = "cleaned";
    static final String VOIDED_AT = "voidedAt";
    static final String CODES = "codes";

    private GiftCodeBatchItemMapper() {
    }

    static Map<String, AttributeValue> toItem(GiftCodeBatch b) {
        Map<String, AttributeValue> item = new HashMap<>(GiftCodeKeys.batch(b.store(), b.id()));
        item.put("type", AttributeValue.fromS("GIFT_CODE_BATCH"));
        putString(item, "store", b.store().value());
        putString(item, "batchId", b.id());
        putString(item, STATUS, b.status().name());
        putString(item, "mode", b.mode().name());
        item.put(COUNT, number(b.count()));
        item.put(WRITTEN, number(b.written()));
        item.put(CHUNKS, number(b.chunks()));
        putString(item, "requestHash", b.requestHash());
        putString(item, LEASE, b.lease());
        if (b.leaseUntil() != null) {
            item.put(LEASE_UNTIL, epochMillis(b.leaseUntil()));
        }
        putString(item, "createdAt", b.createdAt().toString());
        putString(item, COMMITTED_AT, b.committedAt() == null ? null : b.committedAt().toString());
        item.put(FINISHED, AttributeValue.fromBool(b.finished()));
        item.put(EVENTS_EMITTED, AttributeValue.fromBool(b.eventsEmitted()));
        item.put(CLEANED, AttributeValue.fromBool(b.cleaned()));
        putString(item, VOIDED_AT, b.voidedAt() == null ? null : b.voidedAt().toString());
        return item;
    }

    static GiftCodeBatch fromItem(Map<String, AttributeValue> item) {
        AttributeValue until = item.get(LEASE_UNTIL);
        return new GiftCodeBatch(
                new StoreCode(string(item, "store")),
                string(item, "batchId"),
                BatchStatus.valueOf(string(item, STATUS)),
                GiftCodeBatch.Mode.valueOf(string(item, "mode")),
                (int) longValue(item, COUNT),
                (int) longValue(item, WRITTEN),
                (int) longValue(item, CHUNKS),
                string(item, "requestHash"),
                string(item, LEASE),
                until == null || until.n() == null ? null : Instant.ofEpochMilli(Long.parseLong(until.n())),
                instant(item, "createdAt"),
                instant(item, COMMITTED_AT),
                bool(item, FINISHED),
                bool(item, EVENTS_EMITTED),
                bool(item, CLEANED),
                instant(item, VOIDED_AT));
    }

    static Map<String, AttributeValue> chunkItem(StoreCode store, String batchId, int index, List<CodeValue> codes) {
        Map<String, AttributeValue> item = new HashMap<>(GiftCodeKeys.batchChunk(store, batchId, index));
        item.put("type", AttributeValue.fromS("GIFT_CODE_BATCH_CHUNK"));
        item.put("index", number(index));
        item.put(CODES, AttributeValue.fromL(codes.stream().map(c -> AttributeValue.fromS(c.value())).toList()));
        return item;
    }

    static List<CodeValue> chunkCodes(Map<String, AttributeValue> item) {
        return strings(item, CODES).stream().map(CodeValue::new).toList();
    }

    static int chunkIndex(Map<String, AttributeValue> item) {
        return (int) longValue(item, "index");
    }

    static AttributeValue number(long n) {
        return AttributeValue.fromN(Long.toString(n));
    }

    /** The lease is compared in conditions: milliseconds, so two writes within a second still order. */
    static AttributeValue epochMillis(Instant t) {
        return AttributeValue.fromN(Long.toString(t.toEpochMilli()));
    }
}
