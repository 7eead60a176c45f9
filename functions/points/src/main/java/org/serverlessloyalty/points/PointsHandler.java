package org.serverlessloyalty.points;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import org.serverlessloyalty.points.level.LevelRoutes;
import org.serverlessloyalty.points.level.LevelStatusFields;
import org.serverlessloyalty.points.level.SegmentRoutes;
import org.serverlessloyalty.points.transaction.TransactionRoutes;
import org.serverlessloyalty.shared.access.model.Access;
import org.serverlessloyalty.shared.access.service.AdminKey;
import org.serverlessloyalty.shared.access.service.CustomerTokens;
import org.serverlessloyalty.shared.access.service.LoyaltyAuthorization;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbCampaignRepository;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbPurchaseStore;
import org.serverlessloyalty.shared.campaign.port.CouponEvents;
import org.serverlessloyalty.shared.earning.dynamodb.DynamoDbEarningRuleRepository;
import org.serverlessloyalty.shared.earning.event.service.EventAwards;
import org.serverlessloyalty.shared.earning.service.EarningRuleAdmin;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelSettings;
import org.serverlessloyalty.shared.level.service.LevelAndSegmentNames;
import org.serverlessloyalty.shared.level.service.LevelTrackingLedger;
import org.serverlessloyalty.shared.level.service.Levels;
import org.serverlessloyalty.shared.level.service.MemberLevels;
import org.serverlessloyalty.shared.order.dynamodb.DynamoDbShopBalances;
import org.serverlessloyalty.shared.platform.aws.AwsClients;
import org.serverlessloyalty.shared.platform.aws.SsmAdminKeySource;
import org.serverlessloyalty.shared.platform.config.FunctionConfig;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.HttpFunction;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.DynamoDbIdempotencyStore;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbCustomerTokenSecrets;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbMemberRepository;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsSettings;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.port.PointsLedger;
import org.serverlessloyalty.shared.points.service.CustomerTokenKeys;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.points.service.PointsAccounts;
import org.serverlessloyalty.shared.points.service.PointsHistogram;
import org.serverlessloyalty.shared.points.service.PointsSettingsCache;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.points.service.TransferListing;
import org.serverlessloyalty.shared.referral.dynamodb.DynamoDbInvitations;
import org.serverlessloyalty.shared.referral.service.Referrals;
import org.serverlessloyalty.shared.segment.dynamodb.DynamoDbSegmentRepository;
import org.serverlessloyalty.shared.segment.service.Segments;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionRepository;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionSettings;
import org.serverlessloyalty.shared.transaction.service.LoyaltyServices;
import org.serverlessloyalty.shared.transaction.service.TransactionSettingsCache;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The points family (Open Loyalty's customers and points): members, customer tokens, points transfers, statuses,
 * earning rules and events, invitations, levels and segments, transactions. Routes are matched on the
 * template's route key, so this switch and template.yaml's events list the same routes; each names who may call it
 * ({@link Access}), and {@link LoyaltyAuthorization} alone decides.
 */
public final class PointsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** How long a customer token works: template parameter CustomerTokenSeconds. */
    static final String CUSTOMER_TOKEN_SECONDS = "CUSTOMER_TOKEN_SECONDS";
    static final int DEFAULT_CUSTOMER_TOKEN_SECONDS = 900;

    private final LoyaltyAuthorization authorization;
    private final MemberRoutes members;
    private final CustomerTokenRoutes tokens;
    private final TransferRoutes transfers;
    private final TransferImport imports;
    private final AccountRoutes accounts;
    // issue 10: h10-rules
    private final EarningRuleRoutes earningRules;
    // issue 10: h10-levels
    private final LevelRoutes levels;
    private final SegmentRoutes segments;
    // issue 10: h10-events
    private final EventEarningRoutes events;
    private final InvitationRoutes invitations;
    // issue 10: h10-tx
    private final TransactionRoutes transactions;
    private final BusinessMetrics metrics;

    /** Called by Lambda: builds the adapters once per instance. */
    public PointsHandler() {
        this(portsFromEnvironment(), Clock.systemUTC(), BusinessMetrics.forRuntime());
    }

    /** Called only by the no-arg constructor: the one place the points function builds its adapters. */
    private static PointsPorts portsFromEnvironment() {
        var config = FunctionConfig.fromEnvironment();
        var dynamoDb = AwsClients.dynamoDb();
        String table = config.tableName();
        Clock clock = Clock.systemUTC();
        return new PointsPorts(
                // The SSM client is built on the first admin request that needs the key, then closed.
                new SsmAdminKeySource(() -> AwsClients.configure(SsmClient.builder(), "SSM_ENDPOINT").build()),
                new DynamoDbCustomerTokenSecrets(dynamoDb, table),
                Duration.ofSeconds(LambdaEnvironment.intValue(CUSTOMER_TOKEN_SECONDS, DEFAULT_CUSTOMER_TOKEN_SECONDS)),
                new LoyaltyServices.Ports(
                        new StoreAccess(new DynamoDbStoreRepository(dynamoDb, table), config.storeCacheTtl(), clock),
                        new DynamoDbMemberRepository(dynamoDb, table),
                        new DynamoDbPointsLedger(dynamoDb, table, clock),
                        new PointsSettingsCache(new DynamoDbPointsSettings(dynamoDb, table), config.storeCacheTtl(),
                                clock),
                        new DynamoDbIdempotencyStore(dynamoDb, table),
                        new DynamoDbEarningRuleRepository(dynamoDb, table, clock),
                        new DynamoDbInvitations(dynamoDb, table),
                        new DynamoDbLevelRepository(dynamoDb, table),
                        new DynamoDbLevelSettings(dynamoDb, table),
                        new DynamoDbSegmentRepository(dynamoDb, table),
                        new DynamoDbTransactionRepository(dynamoDb, table),
                        new TransactionSettingsCache(new DynamoDbTransactionSettings(dynamoDb, table),
                                config.storeCacheTtl(), clock),
                        config.storeCacheTtl(),
                        // issue 11 (h11-instant): an instant_reward rule buys its coupon through the campaign
                        // adapters. This function has no webhook queue: the rewards' coupon-created events stay due
                        // (couponEventDue) for the webhook's redrive sweep.
                        new LoyaltyServices.RewardCampaigns(new DynamoDbCampaignRepository(dynamoDb, table, clock),
                                new DynamoDbPurchaseStore(dynamoDb, table, clock), CouponEvents.NONE,
                                BusinessMetrics.forRuntime())),
                new DynamoDbShopBalances(dynamoDb, table));
    }

    /** With ports: the tests' constructor. The services over them are built here, once, and shared by the routes. */
    public PointsHandler(PointsPorts ports, Clock clock, BusinessMetrics metrics) {
        LoyaltyServices loyalty = new LoyaltyServices(ports.loyalty(), clock);
        MemberDirectory directory = loyalty.directory();
        CustomerTokenKeys keys = new CustomerTokenKeys(ports.secrets(), clock);
        CustomerTokens customerTokens = new CustomerTokens(keys, clock, ports.tokenLifetime());
        // issue 10: every points write below goes through the ledger that recalculates levels (L3).
        MemberLevels memberLevels = loyalty.memberLevels();
        PointsLedger ledger = loyalty.ledger();
        PointsTransfers pointsTransfers = loyalty.transfers();
        Idempotency idempotency = new Idempotency(ports.loyalty().idempotency(), clock);
        TransferAnswers answers = new TransferAnswers(idempotency);
        EventAwards eventAwards = loyalty.eventAwards();
        Referrals referrals = new Referrals(ports.loyalty().invitations(), clock);
        this.events = new EventEarningRoutes(eventAwards, answers, metrics);
        this.invitations = new InvitationRoutes(referrals, directory);
        this.authorization = new LoyaltyAuthorization(new AdminKey(ports.adminKey()), ports.loyalty().stores(),
                customerTokens);
        this.members = new MemberRoutes(directory, metrics, clock, eventAwards, referrals,
                (store, memberId) -> LevelTrackingLedger.recalculateAfterCommit(memberLevels,
                        new StoreZone(store.code(), store.timezone()), memberId));
        this.tokens = new CustomerTokenRoutes(directory, customerTokens, keys, eventAwards, clock);
        this.transfers = new TransferRoutes(pointsTransfers, answers, metrics);
        this.imports = new TransferImport(pointsTransfers, answers, metrics);
        this.accounts = new AccountRoutes(directory, new PointsAccounts(ledger, clock),
                new TransferListing(ledger, directory, clock), new PointsHistogram(ledger, clock), clock,
                new LevelStatusFields(memberLevels)::of, ports.shopBalances());
        var levelRepository = ports.loyalty().levels();
        var segmentRepository = ports.loyalty().segments();
        this.earningRules = new EarningRuleRoutes(new EarningRuleAdmin(loyalty.earningRules(), clock),
                new LevelAndSegmentNames(levelRepository, segmentRepository), loyalty.audiences(), idempotency,
                metrics, clock, ports.loyalty().rewardCampaigns().campaigns(),
                store -> loyalty.transactions().settings(store).excludedDeliverySkus());
        this.levels = new LevelRoutes(new Levels(levelRepository), memberLevels, directory, clock);
        this.segments = new SegmentRoutes(new Segments(segmentRepository, directory), directory, clock);
        this.transactions = new TransactionRoutes(loyalty.transactions(), clock);
        this.metrics = metrics;
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
            // issue 10: h10-rules
            case "POST /api/{storeCode}/earningRule" ->
                    earningRules.create(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "PUT /api/{storeCode}/earningRule/{earningRule}" ->
                    earningRules.replace(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/earningRule" ->
                    earningRules.list(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/earningRule/{earningRule}" ->
                    earningRules.get(request, authorization.authorize(request, Access.STORE_ADMIN));
            // issue 12: ours, a draft rule's points on a basket before it is saved (nothing written).
            case "POST /api/{storeCode}/earningRule/simulate" ->
                    earningRules.simulate(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/earningRule/{earningRule}/activate" ->
                    earningRules.activate(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/seller/earningRule" ->
                    earningRules.list(request, authorization.authorize(request, Access.SELLER));
            case "GET /api/{storeCode}/seller/earningRule/{earningRule}" ->
                    earningRules.get(request, authorization.authorize(request, Access.SELLER));
            case "GET /api/{storeCode}/customer/earningRule" ->
                    earningRules.listForCustomer(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            // issue 10: h10-events
            case "POST /api/{storeCode}/v1/earnRule/{eventName}/customer/{customer}" ->
                    events.customEvent(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/customer/earningRule/{eventName}" ->
                    events.customEvent(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            case "POST /api/{storeCode}/earningRule/geolocation/customer/{customer}" ->
                    events.geolocation(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/earningRule/qrcode/customer/{customer}" ->
                    events.qrCode(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/invitations" ->
                    invitations.list(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/customer/invitations/invite" ->
                    invitations.invite(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            // issue 10: h10-levels
            case "POST /api/{storeCode}/level/create" ->
                    levels.create(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "PUT /api/{storeCode}/level/{level}" ->
                    levels.update(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/level/{level}" ->
                    levels.get(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/seller/level/{level}" ->
                    levels.get(request, authorization.authorize(request, Access.SELLER));
            case "GET /api/{storeCode}/level" ->
                    levels.list(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/seller/level" ->
                    levels.list(request, authorization.authorize(request, Access.SELLER));
            case "POST /api/{storeCode}/level/{level}/activate" ->
                    levels.activate(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/level/{level}/customers" ->
                    levels.customers(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/customer/level" ->
                    levels.customerList(request, authorization.authorize(request, Access.MEMBER));
            case "POST /api/{storeCode}/customer/{customer}/level" ->
                    levels.assign(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/customer/{customer}/remove-manually-level" ->
                    levels.removeManual(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/segment" ->
                    segments.create(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/segment" ->
                    segments.list(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/segment/{segment}" ->
                    segments.get(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "PUT /api/{storeCode}/segment/{segment}" ->
                    segments.update(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/segment/{segment}/customers" ->
                    segments.customers(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/segment/{segment}/customers" ->
                    segments.addMembers(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "DELETE /api/{storeCode}/segment/{segment}/customers/{customer}" ->
                    segments.removeMember(request, authorization.authorize(request, Access.STORE_ADMIN));
            // issue 10: h10-tx
            case "POST /api/{storeCode}/transaction" ->
                    transactions.register(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/transaction" ->
                    transactions.list(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/seller/transaction" ->
                    transactions.list(request, authorization.authorize(request, Access.SELLER));
            case "GET /api/{storeCode}/customer/transaction" ->
                    transactions.listOwn(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            case "GET /api/{storeCode}/transaction/{transaction}" ->
                    transactions.get(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/customer/transaction/{transaction}" ->
                    transactions.getOwn(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            case "POST /api/{storeCode}/transaction/simulate" ->
                    transactions.simulate(request, authorization.authorize(request, Access.SELLER));
            case "POST /api/{storeCode}/admin/transaction/customer/assign" ->
                    transactions.assign(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/pos/transaction/customer/assign" ->
                    transactions.assign(request, authorization.authorize(request, Access.SELLER));
            case "POST /api/{storeCode}/customer/transaction/customer/assign" ->
                    transactions.assignOwn(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            case "POST /api/{storeCode}/admin/transaction/labels" ->
                    transactions.replaceLabels(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "PUT /api/{storeCode}/customer/transaction/labels/append" ->
                    transactions.appendLabels(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            case "GET /api/{storeCode}/transaction/item/labels" ->
                    transactions.itemLabels(request, authorization.authorize(request, Access.STORE_ADMIN));
            default -> throw ApiException.notFound("Route " + request.routeKey());
        };
    }
}
