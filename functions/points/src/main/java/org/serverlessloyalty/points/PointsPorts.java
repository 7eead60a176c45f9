package org.serverlessloyalty.points;

import java.time.Duration;
import java.util.function.Supplier;
import org.serverlessloyalty.points.auth.SsmAdminKeySource;
import org.serverlessloyalty.points.level.LevelPorts;
import org.serverlessloyalty.shared.earning.dynamodb.DynamoDbEarningRuleRepository;
import org.serverlessloyalty.shared.earning.port.EarningRuleRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelSettings;
import org.serverlessloyalty.shared.platform.aws.AwsClients;
import org.serverlessloyalty.shared.platform.config.FunctionConfig;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyStore;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.DynamoDbIdempotencyStore;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbCustomerTokenSecrets;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbMemberRepository;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsSettings;
import org.serverlessloyalty.shared.points.port.CustomerTokenSecrets;
import org.serverlessloyalty.shared.points.port.MemberRepository;
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.points.port.PointsSettingsSource;
import org.serverlessloyalty.shared.points.service.PointsSettingsCache;
import org.serverlessloyalty.shared.referral.dynamodb.DynamoDbInvitations;
import org.serverlessloyalty.shared.referral.port.InvitationRepository;
import org.serverlessloyalty.shared.segment.dynamodb.DynamoDbSegmentRepository;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The adapters the points function runs on: built once per instance from the environment ({@link #fromEnvironment})
 * or given by a test. The handler builds every service over these.
 *
 * @param cacheTtl how long an instance reuses a store's earning rules ({@code StoreCacheSeconds})
 */
public record PointsPorts(Supplier<String> adminKey, StoreAccess stores, MemberRepository members,
                          CustomerTokenSecrets secrets, Duration tokenLifetime, PointsLedger ledger,
                          PointsSettingsSource settings, IdempotencyStore idempotency,
                          EarningRuleRepository earningRules, InvitationRepository invitations, LevelPorts levels,
                          Duration cacheTtl) {

    /** How long a customer token works: template parameter CustomerTokenSeconds. */
    static final String CUSTOMER_TOKEN_SECONDS = "CUSTOMER_TOKEN_SECONDS";
    static final int DEFAULT_CUSTOMER_TOKEN_SECONDS = 900;

    /** Called only by the handler's no-arg constructor: the one place the points function builds its adapters. */
    static PointsPorts fromEnvironment() {
        var config = FunctionConfig.fromEnvironment();
        var dynamoDb = AwsClients.dynamoDb();
        String table = config.tableName();
        java.time.Clock clock = java.time.Clock.systemUTC();
        return new PointsPorts(
                // The SSM client is built on the first admin request that needs the key, then closed.
                new SsmAdminKeySource(() -> AwsClients.configure(SsmClient.builder(), "SSM_ENDPOINT").build()),
                new StoreAccess(new DynamoDbStoreRepository(dynamoDb, table), config.storeCacheTtl(), clock),
                new DynamoDbMemberRepository(dynamoDb, table),
                new DynamoDbCustomerTokenSecrets(dynamoDb, table),
                Duration.ofSeconds(LambdaEnvironment.intValue(CUSTOMER_TOKEN_SECONDS, DEFAULT_CUSTOMER_TOKEN_SECONDS)),
                new DynamoDbPointsLedger(dynamoDb, table, clock),
                new PointsSettingsCache(new DynamoDbPointsSettings(dynamoDb, table), config.storeCacheTtl(), clock),
                new DynamoDbIdempotencyStore(dynamoDb, table),
                new DynamoDbEarningRuleRepository(dynamoDb, table, clock),
                new DynamoDbInvitations(dynamoDb, table),
                new LevelPorts(new DynamoDbLevelRepository(dynamoDb, table), new DynamoDbLevelSettings(dynamoDb, table),
                        new DynamoDbSegmentRepository(dynamoDb, table), LevelPorts.TRANSACTIONS_NOT_WIRED,
                        config.storeCacheTtl()),
                config.storeCacheTtl());
    }
}
