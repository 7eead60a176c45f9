package org.serverlessloyalty.points;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.serverlessloyalty.points.auth.Access;
import org.serverlessloyalty.points.auth.AdminKey;
import org.serverlessloyalty.points.auth.CustomerTokens;
import org.serverlessloyalty.points.auth.PointsAuthorization;
import org.serverlessloyalty.points.auth.SsmAdminKeySource;
import org.serverlessloyalty.shared.platform.aws.AwsClients;
import org.serverlessloyalty.shared.platform.config.FunctionConfig;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.HttpFunction;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
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
import org.serverlessloyalty.shared.points.service.CustomerTokenKeys;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.points.service.PointsAccounts;
import org.serverlessloyalty.shared.points.service.PointsHistogram;
import org.serverlessloyalty.shared.points.service.PointsSettingsCache;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.points.service.TransferListing;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import org.serverlessloyalty.points.level.LevelPorts;
import org.serverlessloyalty.points.level.LevelRoutes;
import org.serverlessloyalty.points.level.LevelStatusFields;
import org.serverlessloyalty.points.level.SegmentRoutes;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelSettings;
import org.serverlessloyalty.shared.level.service.LevelSettingsCache;
import org.serverlessloyalty.shared.level.service.LevelTrackingLedger;
import org.serverlessloyalty.shared.level.service.Levels;
import org.serverlessloyalty.shared.level.service.MemberLevels;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.segment.dynamodb.DynamoDbSegmentRepository;
import org.serverlessloyalty.shared.segment.service.Segments;
import org.serverlessloyalty.shared.store.model.Store;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The points family (Open Loyalty's customers and points): members, customer tokens, points transfers, statuses. Routes are matched on the
 * template's route key, so this switch and template.yaml's events list the same routes; each names who may call it
 * ({@link Access}), and {@link PointsAuthorization} alone decides.
 */
public final class PointsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** How long a customer token works: template parameter CustomerTokenSeconds. */
    static final String CUSTOMER_TOKEN_SECONDS = "CUSTOMER_TOKEN_SECONDS";
    static final int DEFAULT_CUSTOMER_TOKEN_SECONDS = 900;

    private final PointsAuthorization authorization;
    private final MemberRoutes members;
    private final CustomerTokenRoutes tokens;
    private final TransferRoutes transfers;
    private final TransferImport imports;
    private final AccountRoutes accounts;
    private final BusinessMetrics metrics;
    // issue 10: h10-levels (null when the handler is built without levels: their routes answer 404)
    private final LevelRoutes levels;
    private final SegmentRoutes segments;

    /** Called by Lambda: builds the adapters once per instance. */
    public PointsHandler() {
        this(Wiring.fromEnvironment());
    }

    private PointsHandler(Wiring wiring) {
        this(wiring.adminKey(), wiring.stores(), wiring.members(), wiring.secrets(), wiring.tokenLifetime(),
                wiring.ledger(), wiring.settings(), wiring.idempotency(), Clock.systemUTC(), BusinessMetrics.forRuntime(),
                wiring.levels());
    }

    private record Wiring(Supplier<String> adminKey, StoreAccess stores, MemberRepository members,
                          CustomerTokenSecrets secrets, Duration tokenLifetime, PointsLedger ledger,
                          PointsSettingsSource settings, IdempotencyStore idempotency, LevelPorts levels) {

        /** Called only by the no-arg constructor: the one place the points function builds its adapters. */
        private static Wiring fromEnvironment() {
            var config = FunctionConfig.fromEnvironment();
            var dynamoDb = AwsClients.dynamoDb();
            Clock clock = Clock.systemUTC();
            return new Wiring(
                    // The SSM client is built on the first admin request that needs the key, then closed.
                    new SsmAdminKeySource(() -> AwsClients.configure(SsmClient.builder(), "SSM_ENDPOINT").build()),
                    new StoreAccess(new DynamoDbStoreRepository(dynamoDb, config.tableName()), config.storeCacheTtl(),
                            clock),
                    new DynamoDbMemberRepository(dynamoDb, config.tableName()),
                    new DynamoDbCustomerTokenSecrets(dynamoDb, config.tableName()),
                    Duration.ofSeconds(LambdaEnvironment.intValue(CUSTOMER_TOKEN_SECONDS, DEFAULT_CUSTOMER_TOKEN_SECONDS)),
                    new DynamoDbPointsLedger(dynamoDb, config.tableName(), clock),
                    new PointsSettingsCache(new DynamoDbPointsSettings(dynamoDb, config.tableName()),
                            config.storeCacheTtl(), clock),
                    new DynamoDbIdempotencyStore(dynamoDb, config.tableName()),
                    // issue 10: h10-levels
                    new LevelPorts(new DynamoDbLevelRepository(dynamoDb, config.tableName()),
                            new DynamoDbLevelSettings(dynamoDb, config.tableName()),
                            new DynamoDbSegmentRepository(dynamoDb, config.tableName()),
                            LevelPorts.TRANSACTIONS_NOT_WIRED, config.storeCacheTtl()));
        }
    }

    /** With ports: the tests' constructor. */
    public PointsHandler(Supplier<String> adminKey, StoreAccess stores, MemberRepository memberRepository,
                         CustomerTokenSecrets secrets, Duration tokenLifetime, PointsLedger ledger,
                         PointsSettingsSource settings, IdempotencyStore idempotencyStore, Clock clock,
                         BusinessMetrics metrics) {
        this(adminKey, stores, memberRepository, secrets, tokenLifetime, ledger, settings, idempotencyStore, clock,
                metrics, null);
    }

    /** With levels and segments (issue 10, h10-levels); {@code levelPorts} null leaves them out. */
    public PointsHandler(Supplier<String> adminKey, StoreAccess stores, MemberRepository memberRepository,
                         CustomerTokenSecrets secrets, Duration tokenLifetime, PointsLedger ledger,
                         PointsSettingsSource settings, IdempotencyStore idempotencyStore, Clock clock,
                         BusinessMetrics metrics, LevelPorts levelPorts) {
        MemberDirectory directory = new MemberDirectory(memberRepository, clock);
        CustomerTokenKeys keys = new CustomerTokenKeys(secrets, clock);
        CustomerTokens customerTokens = new CustomerTokens(keys, clock, tokenLifetime);
        // issue 10: h10-levels. Every committed points change recalculates the members it touched (L3).
        MemberLevels memberLevels = levelPorts == null ? null : new MemberLevels(levelPorts.levels(),
                new LevelSettingsCache(levelPorts.settings(), levelPorts.settingsTtl(), clock),
                new PointsAccounts(ledger, clock), levelPorts.transactions(), clock);
        PointsLedger tracked = memberLevels == null ? ledger
                : new LevelTrackingLedger(ledger, memberLevels, code -> stores.store(code).map(Store::timezone));
        PointsTransfers pointsTransfers = new PointsTransfers(tracked, directory, settings, clock);
        TransferAnswers answers = new TransferAnswers(new Idempotency(idempotencyStore, clock));
        this.authorization = new PointsAuthorization(new AdminKey(adminKey), stores, customerTokens);
        this.members = new MemberRoutes(directory, metrics, clock, memberLevels == null ? null
                : (store, memberId) -> LevelTrackingLedger.recalculateAfterCommit(memberLevels,
                        new StoreZone(store.code(), store.timezone()), memberId));
        this.tokens = new CustomerTokenRoutes(directory, customerTokens, keys);
        this.transfers = new TransferRoutes(pointsTransfers, answers, metrics);
        this.imports = new TransferImport(pointsTransfers, answers, metrics);
        this.accounts = new AccountRoutes(directory, new PointsAccounts(ledger, clock),
                new TransferListing(ledger, directory, clock), new PointsHistogram(ledger, clock), clock,
                memberLevels == null ? null : new LevelStatusFields(memberLevels)::of);
        this.metrics = metrics;
        this.levels = memberLevels == null ? null
                : new LevelRoutes(new Levels(levelPorts.levels()), memberLevels, directory, clock);
        this.segments = levelPorts == null ? null
                : new SegmentRoutes(new Segments(levelPorts.segments(), directory), directory, clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, metrics, this::route);
    }

    private ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "POST /api/{storeCode}/admin/customer/register" ->
                    members.register(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/seller/customer/register" ->
                    members.register(request, authorization.authorize(request, Access.SELLER));
            case "GET /api/{storeCode}/admin/customer" ->
                    members.list(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/customer/{customer}" ->
                    members.get(request, authorization.authorize(request, Access.MEMBER));
            case "PUT /api/{storeCode}/customer/{customer}" ->
                    members.update(request, authorization.authorize(request, Access.MEMBER));
            case "POST /api/{storeCode}/admin/customer/{customer}/activate" ->
                    members.activate(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/admin/customer/{customer}/deactivate" ->
                    members.deactivate(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/seller/customer/{customer}/activate" ->
                    members.activate(request, authorization.authorize(request, Access.SELLER));
            case "POST /api/{storeCode}/seller/customer/{customer}/deactivate" ->
                    members.deactivate(request, authorization.authorize(request, Access.SELLER));
            case "POST /api/{storeCode}/admin/customer/{customer}/anonymize" ->
                    members.anonymize(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/customer/token" ->
                    tokens.issue(request, authorization.authorize(request, Access.TOKEN_ISSUER));
            case "POST /api/store/{storeCode}/customer-token-secret/rotate" ->
                    tokens.rotate(request, authorization.authorize(request, Access.DEPLOYMENT_ADMIN));
            case "GET /api/{storeCode}/admin/customer/{customer}/status" ->
                    accounts.status(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/seller/customer/{customer}/status" ->
                    accounts.status(request, authorization.authorize(request, Access.SELLER));
            case "GET /api/{storeCode}/customer/customer/{customer}/status" ->
                    accounts.status(request, authorization.authorize(request, Access.MEMBER));
            case "POST /api/{storeCode}/points/transfer/add" ->
                    transfers.add(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/points/transfer/spend" ->
                    transfers.spend(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/points/transfer/block" ->
                    transfers.block(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/points/transfer/{transfer}/cancel" ->
                    transfers.cancel(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/points/transfer/{transfer}/activate" ->
                    transfers.activate(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/points/transfer/{transfer}/expire" ->
                    transfers.expire(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/points/transfer/import" ->
                    imports.importTransfers(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/admin/p2p-points-transfer" ->
                    transfers.sendAsAdmin(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/customer/points/p2p-transfer" ->
                    transfers.sendAsMember(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            case "GET /api/{storeCode}/points/transfer" ->
                    accounts.list(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/customer/points/transfer" ->
                    accounts.listOwn(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            case "GET /api/{storeCode}/points/transfers" ->
                    accounts.histogram(request, authorization.authorize(request, Access.STORE_ADMIN));
            // issue 10: h10-levels
            case "POST /api/{storeCode}/level/create" ->
                    levels().create(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "PUT /api/{storeCode}/level/{level}" ->
                    levels().update(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/level/{level}" ->
                    levels().get(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/seller/level/{level}" ->
                    levels().get(request, authorization.authorize(request, Access.SELLER));
            case "GET /api/{storeCode}/level" ->
                    levels().list(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/seller/level" ->
                    levels().list(request, authorization.authorize(request, Access.SELLER));
            case "POST /api/{storeCode}/level/{level}/activate" ->
                    levels().activate(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/level/{level}/customers" ->
                    levels().customers(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/customer/level" ->
                    levels().customerList(request, authorization.authorize(request, Access.MEMBER));
            case "POST /api/{storeCode}/customer/{customer}/level" ->
                    levels().assign(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/customer/{customer}/remove-manually-level" ->
                    levels().removeManual(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/segment" ->
                    segments().create(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/segment" ->
                    segments().list(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/segment/{segment}" ->
                    segments().get(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "PUT /api/{storeCode}/segment/{segment}" ->
                    segments().update(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/segment/{segment}/customers" ->
                    segments().customers(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/segment/{segment}/customers" ->
                    segments().addMembers(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "DELETE /api/{storeCode}/segment/{segment}/customers/{customer}" ->
                    segments().removeMember(request, authorization.authorize(request, Access.STORE_ADMIN));
            default -> throw ApiException.notFound("Route " + request.routeKey());
        };
    }

    private LevelRoutes levels() {
        if (levels == null) {
            throw ApiException.notFound("Levels are not enabled here");
        }
        return levels;
    }

    private SegmentRoutes segments() {
        if (segments == null) {
            throw ApiException.notFound("Segments are not enabled here");
        }
        return segments;
    }
}
