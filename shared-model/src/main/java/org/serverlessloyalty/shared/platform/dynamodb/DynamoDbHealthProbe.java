package org.serverlessloyalty.shared.platform.dynamodb;

import java.util.Optional;
import org.serverlessloyalty.shared.platform.health.HealthProbe;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The table answers and is ACTIVE. */
public final class DynamoDbHealthProbe implements HealthProbe {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbHealthProbe(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    @Override
    public String name() {
        return "DynamoDB";
    }

    @Override
    public Optional<String> problem() {
        try {
            TableStatus status = dynamoDb.describeTable(b -> b.tableName(table)).table().tableStatus();
            return status == TableStatus.ACTIVE || status == TableStatus.UPDATING
                    ? Optional.empty()
                    : Optional.of("table " + table + " is " + status);
        } catch (SdkException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
