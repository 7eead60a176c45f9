package org.serverlessloyalty.campaigns;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import org.serverlessloyalty.campaigns.bought.BoughtRoutes;
import org.serverlessloyalty.campaigns.buy.AvailabilityRoutes;
import org.serverlessloyalty.campaigns.buy.BuyRoutes;
import org.serverlessloyalty.campaigns.callback.CallbackRoutes;
import org.serverlessloyalty.campaigns.catalogue.CatalogueRoutes;
import org.serverlessloyalty.campaigns.catalogue.CategoryRoutes;
import org.serverlessloyalty.campaigns.catalogue.VisibleCustomers;
import org.serverlessloyalty.campaigns.media.CashbackRoutes;
import org.serverlessloyalty.campaigns.media.PhotoRoutes;
import org.serverlessloyalty.shared.access.model.Access;
import org.serverlessloyalty.shared.access.service.AdminKey;
import org.serverlessloyalty.shared.access.service.CustomerTokens;
import org.serverlessloyalty.shared.access.service.LoyaltyAuthorization;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbBoughtRewards;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbCampaignPhotos;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbCampaignRepository;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbCashbackPayouts;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbPurchaseStore;
import org.serverlessloyalty.shared.campaign.json.CampaignRender;
import org.serverlessloyalty.shared.campaign.port.CampaignImages;
import org.serverlessloyalty.shared.campaign.port.CouponEvents;
import org.serverlessloyalty.shared.campaign.s3.S3CampaignImages;
import org.serverlessloyalty.shared.campaign.service.BoughtRewardService;
import org.serverlessloyalty.shared.campaign.service.CampaignAvailability;
import org.serverlessloyalty.shared.campaign.service.CampaignMedia;
import org.serverlessloyalty.shared.campaign.service.Cashback;
import org.serverlessloyalty.shared.campaign.service.CashbackCallbacks;
import org.serverlessloyalty.shared.campaign.service.RewardCouponEvents;
import org.serverlessloyalty.shared.earning.dynamodb.DynamoDbEarningRuleRepository;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelSettings;
import org.serverlessloyalty.shared.level.service.LevelAndSegmentNames;
import org.serverlessloyalty.shared.platform.aws.AwsClients;
import org.serverlessloyalty.shared.platform.aws.S3Clients;
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
    /** issue 11 (media): the private bucket of campaign photos (template.yaml CampaignMediaBucket). */
    static final String MEDIA_BUCKET = "MEDIA_BUCKET";

    private final LoyaltyAuthorization authorization;
    private final BusinessMetrics metrics;
    // issue 11: h11-catalogue
    private final CatalogueRoutes catalogue;
    private final CategoryRoutes categories;
    // issue 11: buy
    private final BuyRoutes buy;
    private final AvailabilityRoutes availability;
    // issue 11: media
    private final PhotoRoutes photos;
    private final CashbackRoutes cashback;
    // issue 11: h11-bought
    private final BoughtRoutes bought;
    // issue 11: callback
    private final CallbackRoutes callback;

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
        // issue 11 (h11-catalogue): one adapter serves the shared reads and the catalogue's writes.
        DynamoDbCampaignRepository campaigns = new DynamoDbCampaignRepository(dynamoDb, table, clock);
        // issue 11 (h11-bought): the bought rewards, and the marks of their coupon-created events.
        DynamoDbBoughtRewards rewards = new DynamoDbBoughtRewards(dynamoDb, table);
        DynamoDbPurchaseStore purchases = new DynamoDbPurchaseStore(dynamoDb, table, clock);
        CouponEvents couponEvents = rewardCouponEvents(dynamoDb, table, rewards, clock);
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
                        config.storeCacheTtl(),
                        // issue 11: the purchases' adapters (buy routes and instant rewards); a committed purchase's
                        // coupons go to the coupon-created webhook (h11-bought).
                        new LoyaltyServices.RewardCampaigns(campaigns, purchases, couponEvents,
                                BusinessMetrics.forRuntime())),
                campaigns,
                // issue 11: h11-catalogue
                campaigns,
                // issue 11: buy
                purchases,
                // issue 11: media
                new DynamoDbCampaignPhotos(dynamoDb, table),
                LambdaEnvironment.get(MEDIA_BUCKET)
                        .<CampaignImages>map(bucket -> new S3CampaignImages(S3Clients.s3(), bucket))
                        .orElseGet(() -> CampaignImages.unconfigured(MEDIA_BUCKET + " is not set")),
                // issue 11: h11-bought
                rewards,
                // issue 11: callback
                new DynamoDbCashbackPayouts(dynamoDb, table));
    }

    /**
     * issue 11, h11-bought: the coupon-created events of bought rewards, as the admin function sends its codes'. Without
     * the queue (setups that leave the webhook out) the records are written and wait for the redrive.
     */
    private static CouponEvents rewardCouponEvents(DynamoDbClient dynamoDb, String table, DynamoDbBoughtRewards rewards,
                                                   Clock clock) {
        WebhookQueue queue = LambdaEnvironment.get("COUPON_WEBHOOK_QUEUE_URL").<WebhookQueue>map(url ->
                new SqsWebhookQueue(AwsClients.configure(SqsClient.builder(), "SQS_ENDPOINT").build(), url))
                .orElse(WebhookQueue.NONE);
        return new RewardCouponEvents(rewards, new DynamoDbGiftCodeRepository(dynamoDb, table),
                new CouponCreatedEvents(new DynamoDbWebhookStore(dynamoDb, table), queue, BusinessMetrics.forRuntime(),
                        clock), clock);
    }

    /** With ports: the tests' constructor. The services over them are built here, once, and shared by the routes. */
    public CampaignsHandler(CampaignsPorts ports, Clock clock, BusinessMetrics metrics) {
        LoyaltyServices loyalty = new LoyaltyServices(ports.loyalty(), clock);
        CustomerTokens customerTokens = new CustomerTokens(new CustomerTokenKeys(ports.secrets(), clock), clock,
                ports.tokenLifetime());
        this.authorization = new LoyaltyAuthorization(new AdminKey(ports.adminKey()), ports.loyalty().stores(),
                customerTokens);
        this.metrics = metrics;
        Idempotency idempotency = new Idempotency(ports.loyalty().idempotency(), clock);
        // issue 11: media (before the catalogue, whose Campaign objects show the photos)
        CampaignMedia media = new CampaignMedia(ports.photos(), ports.images(), clock);
        this.photos = new PhotoRoutes(media);
        this.cashback = new CashbackRoutes(new Cashback(ports.campaigns(), ports.purchases(), loyalty.directory(),
                loyalty.audiences(), ports.loyalty().ledger(), ports.loyalty().pointsSettings(), loyalty.memberLevels(),
                clock), idempotency);
        // issue 11: h11-catalogue
        this.catalogue = new CatalogueRoutes(ports.campaigns(), ports.catalogue(),
                new LevelAndSegmentNames(ports.loyalty().levels(), ports.loyalty().segments()),
                ports.loyalty().earningRules(), new VisibleCustomers(ports.loyalty().levels(),
                        ports.loyalty().segments(), loyalty.directory()), metrics, clock, media);
        this.categories = new CategoryRoutes(ports.catalogue(), clock);
        // issue 11: buy
        // The purchase service the instant rewards use too: its ports are these (portsFromEnvironment).
        this.buy = new BuyRoutes(loyalty.campaignPurchases(), idempotency, metrics);
        this.availability = new AvailabilityRoutes(new CampaignAvailability(ports.campaigns(), ports.purchases(),
                loyalty.audiences(), ports.loyalty().ledger(), clock), clock);
        // issue 11: h11-bought
        this.bought = new BoughtRoutes(ports.bought(), new BoughtRewardService(ports.bought(), ports.campaigns(),
                clock), ports.loyalty().members(), ports.campaigns(), clock);
        // issue 11: callback
        this.callback = new CallbackRoutes(new CashbackCallbacks(ports.payouts(), loyalty.directory(),
                ports.loyalty().pointsSettings(), clock));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, metrics, this::route);
    }

    private ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            // issue 11: h11-catalogue
            case "POST /api/{storeCode}/campaign" ->
                    catalogue.create(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "PUT /api/{storeCode}/campaign/{campaign}" ->
                    catalogue.replace(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/campaign/{campaign}" ->
                    catalogue.get(request, authorization.authorize(request, Access.STORE_ADMIN),
                            CampaignRender.Reader.ADMIN);
            case "GET /api/{storeCode}/seller/campaign/{campaign}" ->
                    catalogue.get(request, authorization.authorize(request, Access.SELLER),
                            CampaignRender.Reader.SELLER);
            case "POST /api/{storeCode}/campaign/{campaign}/active" ->
                    catalogue.setActive(request, authorization.authorize(request, Access.STORE_ADMIN), true);
            case "POST /api/{storeCode}/campaign/{campaign}/inactive" ->
                    catalogue.setActive(request, authorization.authorize(request, Access.STORE_ADMIN), false);
            case "GET /api/{storeCode}/campaign" ->
                    catalogue.list(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/campaign/active" ->
                    catalogue.active(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/campaign/{campaign}/customers/visible" ->
                    catalogue.visibleCustomers(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/seller/campaign" ->
                    catalogue.sellerList(request, authorization.authorize(request, Access.SELLER));
            case "GET /api/{storeCode}/campaign/public/available" ->
                    catalogue.publicList(request, authorization.authorize(request, Access.PUBLIC));
            case "POST /api/{storeCode}/campaign/{campaign}/coupons" ->
                    catalogue.loadCoupons(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/campaignCategory" ->
                    categories.create(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "PUT /api/{storeCode}/campaignCategory/{campaignCategory}" ->
                    categories.replace(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/campaignCategory" ->
                    categories.list(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/campaignCategory/{campaignCategory}" ->
                    categories.get(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/campaignCategory/{campaignCategory}/active" ->
                    categories.activate(request, authorization.authorize(request, Access.STORE_ADMIN));
            // issue 11: buy
            case "POST /api/{storeCode}/admin/customer/{customer}/campaign/{campaign}/buy" ->
                    buy.adminBuy(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/seller/customer/{customer}/campaign/{campaign}/buy" ->
                    buy.sellerBuy(request, authorization.authorize(request, Access.SELLER));
            case "POST /api/{storeCode}/customer/campaign/{campaign}/buy" ->
                    buy.customerBuy(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            case "GET /api/{storeCode}/admin/customer/{customer}/campaign/available" ->
                    availability.adminAvailable(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/seller/customer/{customer}/campaign/available" ->
                    availability.sellerAvailable(request, authorization.authorize(request, Access.SELLER));
            case "GET /api/{storeCode}/customer/campaign/available" ->
                    availability.customerAvailable(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            case "POST /api/{storeCode}/admin/customer/{customer}/campaign/validate" ->
                    availability.adminValidate(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/customer/campaign/validate" ->
                    availability.customerValidate(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            // issue 11: media
            case "POST /api/{storeCode}/campaign/{campaign}/photo" ->
                    photos.addPhoto(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/campaign/{campaign}/photo/{photoId}" ->
                    photos.getPhoto(request, authorization.authorize(request, Access.PUBLIC));
            case "DELETE /api/{storeCode}/campaign/{campaign}/photo/{photoId}" ->
                    photos.removePhoto(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/campaign/{campaign}/brand_icon" ->
                    photos.setBrandIcon(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/campaign/{campaign}/brand_icon" ->
                    photos.getBrandIcon(request, authorization.authorize(request, Access.PUBLIC));
            case "DELETE /api/{storeCode}/campaign/{campaign}/brand_icon" ->
                    photos.removeBrandIcon(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/admin/campaign/cashback/simulate" ->
                    cashback.simulate(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/admin/campaign/cashback/redeem" ->
                    cashback.adminRedeem(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/customer/campaign/cashback/redeem" ->
                    cashback.customerRedeem(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            // issue 11: h11-bought
            case "GET /api/{storeCode}/campaign/bought" ->
                    bought.storeList(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/campaign/bought/export/csv" ->
                    bought.exportCsv(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/admin/customer/{customer}/campaign/bought" ->
                    bought.memberList(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/seller/customer/{customer}/campaign/bought" ->
                    bought.sellerMemberList(request, authorization.authorize(request, Access.SELLER));
            case "GET /api/{storeCode}/customer/campaign/bought" ->
                    bought.ownList(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            case "POST /api/{storeCode}/admin/campaign/coupons/mark_as_used" ->
                    bought.markUsedAsAdmin(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "POST /api/{storeCode}/customer/campaign/coupons/mark_as_used" ->
                    bought.markUsedAsCustomer(request, authorization.authorize(request, Access.CUSTOMER_SELF));
            case "PUT /api/{storeCode}/admin/customer/{customer}/bought/coupon/{couponId}/changeDeliveryStatus" ->
                    bought.changeDelivery(request, authorization.authorize(request, Access.STORE_ADMIN));
            // issue 11: callback
            case "POST /api/{storeCode}/campaign/cashback/callback/{provider}" ->
                    callback.callback(request, authorization.authorize(request, Access.PUBLIC));
            case "POST /api/{storeCode}/admin/campaign/cashback/callback/secret" ->
                    callback.rotateSecret(request, authorization.authorize(request, Access.STORE_ADMIN));
            default -> throw ApiException.notFound("Route " + request.routeKey());
        };
    }
}
