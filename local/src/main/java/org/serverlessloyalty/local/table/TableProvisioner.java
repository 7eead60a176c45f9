package org.serverlessloyalty.local.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.local.StackLog;
import org.serverlessloyalty.local.template.TableDef;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Creates the template's tables in the local DynamoDB: key schema, attribute definitions, secondary indexes
 * and TTL. With a data directory a table may already exist from an earlier run: it is kept as it is (with a
 * warning when its keys or indexes no longer match the template).
 */
public final class TableProvisioner {

    private TableProvisioner() {
    }

    /** Creates {@code table} unless it exists; true when it was created now. */
    public static boolean ensure(DynamoDbClient dynamoDb, TableDef table) {
        Optional<TableDescription> existing = describe(dynamoDb, table.tableName());
        if (existing.isPresent()) {
            compare(table, existing.get());
            return false;
        }
        dynamoDb.createTable(createRequest(table));
        if (table.timeToLiveAttribute() != null) {
            try {
                dynamoDb.updateTimeToLive(b -> b.tableName(table.tableName())
                        .timeToLiveSpecification(t -> t.attributeName(table.timeToLiveAttribute()).enabled(true)));
            } catch (DynamoDbException e) {
                StackLog.warn("Table " + table.logicalId() + ": TTL on " + table.timeToLiveAttribute()
                        + " could not be enabled locally: " + e.getMessage());
            }
        }
        return true;
    }

    public static CreateTableRequest createRequest(TableDef table) {
        var request = CreateTableRequest.builder()
                .tableName(table.tableName())
                .attributeDefinitions(table.attributes().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.name()).attributeType(a.type()).build())
                        .toList())
                .keySchema(keySchema(table.keySchema()));
        if (table.payPerRequest()) {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        } else {
            request.billingMode(BillingMode.PROVISIONED)
                    .provisionedThroughput(throughput(table.readCapacityUnits(), table.writeCapacityUnits()));
        }
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalSecondaryIndexes().stream().map(index -> {
                var gsi = GlobalSecondaryIndex.builder()
                        .indexName(index.name())
                        .keySchema(keySchema(index.keySchema()))
                        .projection(projection(index));
                if (!table.payPerRequest()) {
                    gsi.provisionedThroughput(throughput(index.readCapacityUnits(), index.writeCapacityUnits()));
                }
                return gsi.build();
            }).toList());
        }
        if (!table.localSecondaryIndexes().isEmpty()) {
            request.localSecondaryIndexes(table.localSecondaryIndexes().stream().map(index -> LocalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.keySchema()))
                    .projection(projection(index))
                    .build()).toList());
        }
        return request.build();
    }

    private static Optional<TableDescription> describe(DynamoDbClient dynamoDb, String tableName) {
        try {
            return Optional.of(dynamoDb.describeTable(b -> b.tableName(tableName)).table());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private static void compare(TableDef table, TableDescription existing) {
        List<String> differences = new ArrayList<>();
        if (!existing.keySchema().equals(keySchema(table.keySchema()))) {
            differences.add("key schema");
        }
        List<String> wanted = table.globalSecondaryIndexes().stream().map(TableDef.IndexDef::name).sorted().toList();
        List<String> present = existing.hasGlobalSecondaryIndexes()
                ? existing.globalSecondaryIndexes().stream().map(i -> i.indexName()).sorted().toList() : List.of();
        if (!wanted.equals(present)) {
            differences.add("global secondary indexes " + present + " instead of " + wanted);
        }
        if (!differences.isEmpty()) {
            StackLog.warn("Table " + table.tableName() + " in the data directory differs from the template ("
                    + String.join(", ", differences) + "); delete the data directory's dynamodb folder to recreate it");
        }
    }

    private static List<KeySchemaElement> keySchema(TableDef.KeySchema key) {
        List<KeySchemaElement> elements = new ArrayList<>();
        elements.add(KeySchemaElement.builder().attributeName(key.hashKey()).keyType(KeyType.HASH).build());
        if (key.rangeKey() != null) {
            elements.add(KeySchemaElement.builder().attributeName(key.rangeKey()).keyType(KeyType.RANGE).build());
        }
        return elements;
    }

    private static Projection projection(TableDef.IndexDef index) {
        var projection = Projection.builder().projectionType(index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return projection.build();
    }

    private static ProvisionedThroughput throughput(Long read, Long write) {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(read == null ? 5L : read)
                .writeCapacityUnits(write == null ? 5L : write)
                .build();
    }
}
