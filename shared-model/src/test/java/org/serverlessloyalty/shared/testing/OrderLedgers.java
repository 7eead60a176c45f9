package org.serverlessloyalty.shared.testing;

import java.time.Clock;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.order.dynamodb.DynamoDbOrderRepository;
import org.serverlessloyalty.shared.order.service.OrderApplication;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The order service wired to the DynamoDB adapters of one table, as the functions' no-arg constructors wire it. */
public final class OrderLedgers {

    private OrderLedgers() {
    }

    public static OrderApplication onDynamoDb(DynamoDbClient dynamoDb, String table, Clock clock) {
        return new OrderApplication(new DynamoDbOrderRepository(dynamoDb, table),
                new DynamoDbGiftCodeRepository(dynamoDb, table), new DynamoDbStoreRepository(dynamoDb, table), clock);
    }
}
