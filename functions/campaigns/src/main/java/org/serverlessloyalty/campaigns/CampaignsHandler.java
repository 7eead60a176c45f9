package org.serverlessloyalty.campaigns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import org.serverlessloyalty.campaigns.bought.BoughtPorts;
import org.serverlessloyalty.campaigns.bought.BoughtRoutes;
import org.serverlessloyalty.shared.access.model.Access;
import org.serverlessloyalty.shared.access.service.AdminKey;
import org.serverlessloyalty.shared.access.service.CustomerTokens;
import org.serverlessloyalty.shared.access.service.LoyaltyAuthorization;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbBoughtRewards;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbCampaignRepository;
import org.serverlessloyalty.shared.campaign.port.BoughtRewards;
import org.serverlessloyalty.shared.campaign.port.CouponEvents;
import org.serverlessloyalty.shared.campaign.service.BoughtRewardService;
import org.serverlessloyalty.shared.campaign.service.RewardCouponEvents;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.earning.dynamodb.DynamoDbEarningRuleRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelSettings;
import org.serverlessloyalty.shared.platform.aws.AwsClients;
import org.serverlessloyalty.shared.platform.aws.SsmAdminKeySource;
import org.serverlessloyalty.shared.platform.config.FunctionConfig;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.HttpFunction;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.DynamoDbIdempotencyStore;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbCustomerTokenSecrets;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbMemberRepository;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsSettings;
import org.serverlessloyalty.shared.points.service.CustomerTokenKeys;
import org.serverlessloyalty.shared.points.service.PointsSettingsCache;
import org.serverlessloyalty.shared.referral.dynamodb.DynamoDbInvitations;
import org.serverlessloyalty.shared.segment.dynamodb.DynamoDbSegmentRepository;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionRepository;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionSettings;
import org.serverlessloyalty.shared.transaction.service.LoyaltyServices;
import org.serverlessloyalty.shared.transaction.service.TransactionSettingsCache;
import org.serverlessloyalty.shared.webhook.dynamodb.DynamoDbWebhookStore;
import org.serverlessloyalty.shared.webhook.port.WebhookQueue;
import org.serverlessloyalty.shared.webhook.service.CouponCreatedEvents;
import org.serverlessloyalty.shared.webhook.sqs.SqsWebhookQueue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The reward campaigns family (Open Loyalty's campaigns, docs/campaigns.md): the catalogue and its coupon pools,
 * categories and photos, what a member can buy, buying with points, bought rewards, cashback. Routes are matched on
 * the template's route key, so this switch and template.yaml's CampaignsFunction events list the same routes; each
 * names who may call it ({@code Access}), and {@link LoyaltyAuthorization} alone decides.
 */
public final class CampaignsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** How long a customer token works: template parameter CustomerTokenSeconds (the points function issues them). */
    static final String CUSTOMER_TOKEN_SECONDS = "CUSTOMER_TOKEN_SECONDS";
    static final int DEFAULT_CUSTOMER_TOKEN_SECONDS = 900;

    private final LoyaltyAuthorization authorization;
    private final BusinessMetrics metrics;
    private final BoughtRoutes bought;
    /**
     * issue 11, h11-bought: the coupon-created events of the coupons a purchase issued; the purchase service calls it
     * after its transaction committed (what it cannot hand over waits for the webhook redrive's sweep).
     */
    private final CouponEvents couponEvents;

    /** Called by Lambda: builds the adapters once per instance. */
    public CampaignsHandler() {
        this(portsFromEnvironment(), Clock.systemUTC(), BusinessMetrics.forRuntime());
    }

    /** Called only by the no-arg constructor: the one place the campaigns function builds its adapters. */
    private static CampaignsPorts portsFromEnvironment() {
        var config = FunctionConfig.fromEnvironment();
        var dynamoDb = AwsClients.dynamoDb();
        String table = config.tableName();
        Clock clock = Clock.systemUTC();
        return new CampaignsPorts(
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
                        config.storeCacheTtl()),
                new DynamoDbCampaignRepository(dynamoDb, table, clock),
                // issue 11: h11-bought
                boughtPorts(dynamoDb, table));
    }

    /** issue 11, h11-bought: bought rewards and the coupon-created webhook their codes are announced through. */
    private static BoughtPorts boughtPorts(DynamoDbClient dynamoDb, String table) {
        DynamoDbBoughtRewards rewards = new DynamoDbBoughtRewards(dynamoDb, table);
        // Without the queue (setups that leave the webhook out) no event is sent: the records wait for a redrive.
        WebhookQueue queue = LambdaEnvironment.get("COUPON_WEBHOOK_QUEUE_URL").<WebhookQueue>map(url ->
                new SqsWebhookQueue(AwsClients.configure(SqsClient.builder(), "SQS_ENDPOINT").build(), url))
                .orElse(WebhookQueue.NONE);
        return new BoughtPorts(rewards, rewards, new DynamoDbGiftCodeRepository(dynamoDb, table),
                new DynamoDbWebhookStore(dynamoDb, table), queue);
    }

    /** With ports: the tests' constructor. The services over them are built here, once, and shared by the routes. */
    public CampaignsHandler(CampaignsPorts ports, Clock clock, BusinessMetrics metrics) {
        LoyaltyServices loyalty = new LoyaltyServices(ports.loyalty(), clock);
        CustomerTokens customerTokens = new CustomerTokens(new CustomerTokenKeys(ports.secrets(), clock), clock,
                ports.tokenLifetime());
        this.authorization = new LoyaltyAuthorization(new AdminKey(ports.adminKey()), ports.loyalty().stores(),
                customerTokens);
        this.metrics = metrics;
        // issue 11: h11-bought
        BoughtRewards rewards = ports.bought().rewards();
        this.bought = new BoughtRoutes(rewards, new BoughtRewardService(rewards, ports.campaigns(), clock),
                ports.loyalty().members(), ports.campaigns(), clock);
        this.couponEvents = new RewardCouponEvents(ports.bought().eventsDue(), ports.bought().giftCodes(),
                new CouponCreatedEvents(ports.bought().webhooks(), ports.bought().webhookQueue(), metrics, clock),
                clock);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, metrics, this::route);
    }

    private ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            // issue 11: h11-bought
            case "GET /api/{storeCode}/campaign/bought" ->
                    bought.storeList(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/campaign/bought/export/csv" ->
                    bought.exportCsv(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/admin/customer/{customer}/campaign/bought" ->
                    bought.memberList(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/seller/customer/{customer}/campaign/bought" ->
                    bought.memberList(request, authorization.authorize(request, Access.SELLER));
            case "GET /api/{storeCode}/customer/campaign/bought" ->
                    bought.ownList(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            case "POST /api/{storeCode}/admin/campaign/coupons/mark_as_used" ->
                    bought.markUsedAsAdmin(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/customer/campaign/coupons/mark_as_used" ->
                    bought.markUsedAsCustomer(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            case "PUT /api/{storeCode}/admin/customer/{customer}/bought/coupon/{couponId}/changeDeliveryStatus" ->
                    bought.changeDelivery(request, authorization.authorize(request, Access.STORE_ADMIN));
            default -> throw ApiException.notFound("Route " + request.routeKey());
        };
    }
}
