package org.serverlessloyalty.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.serverlessloyalty.admin.batch.SqsBatchFollowUp;
import org.serverlessloyalty.admin.console.ConsoleAssets;
import org.serverlessloyalty.shared.webhook.service.CouponCreatedEvents;
import org.serverlessloyalty.shared.campaign.dynamodb.DynamoDbBoughtRewards;
import org.serverlessloyalty.shared.campaign.port.CouponEventsDue;
import org.serverlessloyalty.shared.campaign.service.RewardCouponEvents;
import org.serverlessloyalty.shared.giftcode.port.GiftCodeRepository;
import org.serverlessloyalty.shared.webhook.sqs.SqsWebhookQueue;
import org.serverlessloyalty.shared.webhook.port.WebhookQueue;
import org.serverlessloyalty.admin.webhook.WebhookRoutes;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.port.BatchFollowUp;
import org.serverlessloyalty.shared.giftcode.rules.CodeGenerator;
import org.serverlessloyalty.shared.giftcode.service.GiftCodeCatalog;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelSettings;
import org.serverlessloyalty.shared.level.port.LevelSettingsRepository;
import org.serverlessloyalty.shared.order.dynamodb.DynamoDbOrderRepository;
import org.serverlessloyalty.shared.order.port.OrderLedger;
import org.serverlessloyalty.shared.order.service.OrderApplication;
import org.serverlessloyalty.shared.platform.aws.AwsClients;
import org.serverlessloyalty.shared.platform.aws.SsmAdminKeySource;
import org.serverlessloyalty.shared.platform.config.FunctionConfig;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import org.serverlessloyalty.shared.platform.dynamodb.DynamoDbHealthProbe;
import org.serverlessloyalty.shared.platform.health.HealthProbe;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.HttpFunction;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsSettings;
import org.serverlessloyalty.shared.points.port.PointsSettingsRepository;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionSettings;
import org.serverlessloyalty.shared.transaction.port.TransactionSettingsRepository;
import org.serverlessloyalty.shared.webhook.dynamodb.DynamoDbWebhookStore;
import org.serverlessloyalty.shared.webhook.port.WebhookStore;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The admin API family: stores and their keys, gift codes, service info and health, and the merchant console's files. Routes are
 * matched on the template's route key, so this switch and template.yaml's events list the same routes.
 */
public final class AdminHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final AdminKey adminKey;
    private final StoreRoutes stores;
    private final GiftCodeRoutes giftCodes;
    private final OrderRoutes orders;
    private final ServiceRoutes service;
    private final WebhookRoutes webhooks;
    private final ConsoleAssets console = new ConsoleAssets();
    private final BusinessMetrics metrics;

    /** Called by Lambda: builds the adapters once per instance. */
    public AdminHandler() {
        this(Wiring.fromEnvironment());
    }

    private AdminHandler(Wiring wiring) {
        this(wiring.adminKey(), wiring.stores(), wiring.codes(), wiring.orders(), wiring.health(),
                BusinessMetrics.forRuntime(), wiring.webhooks(), wiring.webhookQueue(), wiring.pointsSettings(),
                wiring.levelSettings(), wiring.transactionSettings(), wiring.rewardEvents(), wiring.giftCodes(),
                Clock.systemUTC());
    }

    private record Wiring(Supplier<String> adminKey, StoreDirectory stores, GiftCodeCatalog codes, OrderLedger orders,
                          HealthProbe health, WebhookStore webhooks, WebhookQueue webhookQueue,
                          PointsSettingsRepository pointsSettings, LevelSettingsRepository levelSettings,
                          TransactionSettingsRepository transactionSettings,
                          // issue 11: h11-bought
                          CouponEventsDue rewardEvents, GiftCodeRepository giftCodes) {

        /** Called only by the no-arg constructor: the one place the admin function builds its adapters. */
        private static Wiring fromEnvironment() {
            var config = FunctionConfig.fromEnvironment();
            var dynamoDb = AwsClients.dynamoDb();
            var clock = Clock.systemUTC();
            Optional<String> batchQueueUrl = LambdaEnvironment.get("GIFT_CODE_BATCH_QUEUE_URL");
            Optional<String> webhookQueueUrl = LambdaEnvironment.get("COUPON_WEBHOOK_QUEUE_URL");
            // One SQS client for both queues, built only when one of them is configured.
            SqsClient sqs = batchQueueUrl.isPresent() || webhookQueueUrl.isPresent()
                    ? AwsClients.configure(SqsClient.builder(), "SQS_ENDPOINT").build() : null;
            // Without the batch queue (tests, setups that leave it out) a crashed batch waits for its retry or TTL.
            BatchFollowUp followUp = batchQueueUrl.<BatchFollowUp>map(url -> new SqsBatchFollowUp(sqs, url))
                    .orElse(BatchFollowUp.NONE);
            return new Wiring(
                    // The SSM client is built on the first admin request that needs the key, then closed.
                    new SsmAdminKeySource(() -> AwsClients.configure(SsmClient.builder(), "SSM_ENDPOINT").build()),
                    new StoreDirectory(new DynamoDbStoreRepository(dynamoDb, config.tableName()), clock),
                    new GiftCodeCatalog(new DynamoDbGiftCodeRepository(dynamoDb, config.tableName()),
                            new CodeGenerator(), clock, followUp, GiftCodeCatalog.DEFAULT_LEASE),
                    new OrderApplication(new DynamoDbOrderRepository(dynamoDb, config.tableName()),
                            new DynamoDbGiftCodeRepository(dynamoDb, config.tableName()),
                            new DynamoDbStoreRepository(dynamoDb, config.tableName()), clock, config.storeCacheTtl()),
                    new DynamoDbHealthProbe(dynamoDb, config.tableName()),
                    new DynamoDbWebhookStore(dynamoDb, config.tableName()),
                    webhookQueueUrl.<WebhookQueue>map(url -> new SqsWebhookQueue(sqs, url))
                            .orElse(WebhookQueue.NONE),
                    new DynamoDbPointsSettings(dynamoDb, config.tableName()),
                    // issue 10: the level and transaction settings kept with the store
                    new DynamoDbLevelSettings(dynamoDb, config.tableName()),
                    new DynamoDbTransactionSettings(dynamoDb, config.tableName()),
                    // issue 11: h11-bought, bought rewards whose coupon-created events the redrive hands over
                    new DynamoDbBoughtRewards(dynamoDb, config.tableName()),
                    new DynamoDbGiftCodeRepository(dynamoDb, config.tableName()));
        }
    }

    public AdminHandler(Supplier<String> adminKeySource, StoreDirectory stores, GiftCodeCatalog codes,
                        OrderLedger orders, HealthProbe health, BusinessMetrics metrics) {
        this(adminKeySource, stores, codes, orders, health, metrics, null, WebhookQueue.NONE, null, Clock.systemUTC());
    }

    /**
     * With the coupon-created webhook; {@code webhooks} null leaves it out (no events, its routes answer 404). With
     * the stores' points settings; {@code pointsSettings} null leaves them out of the store routes.
     */
    public AdminHandler(Supplier<String> adminKeySource, StoreDirectory stores, GiftCodeCatalog codes,
                        OrderLedger orders, HealthProbe health, BusinessMetrics metrics, WebhookStore webhooks,
                        WebhookQueue webhookQueue, PointsSettingsRepository pointsSettings, Clock clock) {
        this(adminKeySource, stores, codes, orders, health, metrics, webhooks, webhookQueue, pointsSettings, null,
                null, clock);
    }

    /**
     * With the stores' level and transaction settings too (issue 10); {@code levelSettings} or
     * {@code transactionSettings} null leaves them out of the store routes.
     */
    public AdminHandler(Supplier<String> adminKeySource, StoreDirectory stores, GiftCodeCatalog codes,
                        OrderLedger orders, HealthProbe health, BusinessMetrics metrics, WebhookStore webhooks,
                        WebhookQueue webhookQueue, PointsSettingsRepository pointsSettings,
                        LevelSettingsRepository levelSettings, TransactionSettingsRepository transactionSettings,
                        Clock clock) {
        this(adminKeySource, stores, codes, orders, health, metrics, webhooks, webhookQueue, pointsSettings,
                levelSettings, transactionSettings, null, null, clock);
    }

    /**
     * With the bought rewards' coupon-created events (issue 11, h11-bought): the webhook redrive also hands over those
     * a crash kept from being handed over; {@code rewardEvents} null leaves that out.
     */
    public AdminHandler(Supplier<String> adminKeySource, StoreDirectory stores, GiftCodeCatalog codes,
                        OrderLedger orders, HealthProbe health, BusinessMetrics metrics, WebhookStore webhooks,
                        WebhookQueue webhookQueue, PointsSettingsRepository pointsSettings,
                        LevelSettingsRepository levelSettings, TransactionSettingsRepository transactionSettings,
                        CouponEventsDue rewardEvents, GiftCodeRepository giftCodes, Clock clock) {
        this.adminKey = new AdminKey(adminKeySource);
        this.metrics = metrics;
        this.stores = new StoreRoutes(stores, pointsSettings, levelSettings, transactionSettings, clock);
        this.giftCodes = new GiftCodeRoutes(stores, codes, metrics,
                webhooks == null ? null : new CouponCreatedEvents(webhooks, webhookQueue, metrics, clock), clock);
        this.orders = new OrderRoutes(orders);
        this.service = new ServiceRoutes(List.of(health));
        this.webhooks = webhooks == null ? null : new WebhookRoutes(
                request -> {
                    var code = StoreRoutes.storeCode(request);
                    return stores.find(code).orElseThrow(() -> ApiException.notFound("Store " + code));
                }, webhooks, webhookQueue, clock, LambdaEnvironment.isLocal(),
                rewardEvents == null ? store -> 0 : new RewardCouponEvents(rewardEvents, giftCodes,
                        new CouponCreatedEvents(webhooks, webhookQueue, metrics, clock), clock)::sweep);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, metrics, this::route);
    }

    private ApiResponse route(ApiRequest request) {
        switch (request.routeKey()) {
            case "GET /api":
                return service.info();
            case "GET /api/healthcheck":
                return service.health();
            // The console's files are public; what it shows comes from the API under the signed-in key.
            case "GET /console":
            case "GET /console/{proxy+}":
                return console.serve(request);
            default:
                break;
        }
        adminKey.check(request);
        return switch (request.routeKey()) {
            case "POST /api/store" -> stores.create(request);
            case "GET /api/store" -> stores.list(request);
            case "GET /api/store/{storeCode}" -> stores.get(request);
            case "PUT /api/store/{storeCode}" -> stores.update(request);
            case "POST /api/store/{storeCode}/api-key/rotate" -> stores.rotateKey(request);
            case "POST /api/{storeCode}/admin/giftCodes" -> giftCodes.create(request);
            case "GET /api/{storeCode}/admin/giftCodes" -> giftCodes.list(request);
            case "GET /api/{storeCode}/admin/giftCodes/{code}" -> giftCodes.get(request);
            case "POST /api/{storeCode}/admin/giftCodes/{code}/void" -> giftCodes.voidCode(request);
            case "POST /api/{storeCode}/admin/giftCodes/batches/{batchId}/void" -> giftCodes.voidBatch(request);
            case "GET /api/{storeCode}/admin/orders/{orderId}" -> orders.get(request);
            case "PUT /api/{storeCode}/admin/webhooks/coupon-created" -> webhooks().put(request);
            case "GET /api/{storeCode}/admin/webhooks/coupon-created" -> webhooks().get(request);
            case "POST /api/{storeCode}/admin/webhooks/coupon-created/rotate-secret" -> webhooks().rotateSecret(request);
            case "GET /api/{storeCode}/admin/webhooks/coupon-created/deliveries" -> webhooks().deliveries(request);
            case "POST /api/{storeCode}/admin/webhooks/coupon-created/deliveries/redrive" -> webhooks().redrive(request);
            default -> throw ApiException.notFound("Route " + request.routeKey());
        };
    }

    private WebhookRoutes webhooks() {
        if (webhooks == null) {
            throw ApiException.notFound("The coupon-created webhook");
        }
        return webhooks;
    }
}
