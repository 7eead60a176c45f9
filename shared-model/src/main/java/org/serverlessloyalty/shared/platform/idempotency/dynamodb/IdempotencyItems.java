package org.serverlessloyalty.shared.platform.idempotency.dynamodb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.serverlessloyalty.shared.platform.dynamodb.Attributes;
import org.serverlessloyalty.shared.platform.dynamodb.TableKeys;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyRecord;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyScope;
import org.serverlessloyalty.shared.platform.idempotency.StoredAnswer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The idempotency record's item: {@code pk={store}#IDEMPOTENCY#{sha256(route, key)}}, {@code sk=IDEMPOTENCY}, with
 * the table's TTL attribute {@code expiresAt} 24 hours on. The key is hashed into the partition key so any 255
 * printable characters fit the key size limit; route and key are kept in clear for people reading the table.
 */
public final class IdempotencyItems {

    static final String SK = "IDEMPOTENCY";
    private static final String ROUTE = "route";
    private static final String KEY = "idempotencyKey";
    private static final String REQUEST_HASH = "requestHash";
    private static final String STATUS = "status";
    private static final String BODY = "body";
    private static final String CREATED_AT = "createdAt";
    /** A live record blocks the key; one past its expiry (not yet deleted by TTL, which can lag days) does not. */
    static final String FREE_CONDITION = "attribute_not_exists(pk) OR #expiresAt <= :now";

    private IdempotencyItems() {
    }

    public static Map<String, AttributeValue> key(IdempotencyScope scope, IdempotencyKey key) {
        return TableKeys.key(scope.store() + "#IDEMPOTENCY#" + digest(scope.route(), key.value()), SK);
    }

    /** The Put a business transaction adds so its effect and its record commit together (or not at all). */
    public static TransactWriteItem put(String table, IdempotencyRecord record, Instant now) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item(record))
                .conditionExpression(FREE_CONDITION)
                .expressionAttributeNames(Map.of("#expiresAt", TableKeys.TTL))
                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                .build()).build();
    }

    static Map<String, AttributeValue> item(IdempotencyRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(key(record.scope(), record.key()));
        item.put("type", AttributeValue.fromS("IDEMPOTENCY"));
        item.put(ROUTE, AttributeValue.fromS(record.scope().route()));
        item.put(KEY, AttributeValue.fromS(record.key().value()));
        item.put(REQUEST_HASH, AttributeValue.fromS(record.requestHash()));
        item.put(STATUS, AttributeValue.fromN(Integer.toString(record.answer().status())));
        item.put(BODY, AttributeValue.fromS(record.answer().body()));
        item.put(CREATED_AT, AttributeValue.fromS(record.createdAt().toString()));
        item.put(TableKeys.TTL, AttributeValue.fromN(Long.toString(record.expiresAt().getEpochSecond())));
        return item;
    }

    static IdempotencyRecord record(IdempotencyScope scope, Map<String, AttributeValue> item) {
        return new IdempotencyRecord(scope, new IdempotencyKey(Attributes.string(item, KEY)),
                Attributes.string(item, REQUEST_HASH),
                new StoredAnswer(Attributes.integer(item, STATUS), Attributes.string(item, BODY)),
                Attributes.instant(item, CREATED_AT),
                Instant.ofEpochSecond(Attributes.longValue(item, TableKeys.TTL)));
    }

    private static String digest(String route, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(route.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
