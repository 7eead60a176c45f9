package org.serverlessloyalty.orders.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.serverlessloyalty.orders.queue.OrderQueue;
import org.serverlessloyalty.orders.queue.SqsOrderQueue;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.order.dynamodb.DynamoDbOrderRepository;
import org.serverlessloyalty.shared.order.json.OrderReportJson;
import org.serverlessloyalty.shared.order.model.OrderIds;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.port.OrderLedger;
import org.serverlessloyalty.shared.order.service.OrderApplication;
import org.serverlessloyalty.shared.platform.aws.AwsClients;
import org.serverlessloyalty.shared.platform.config.FunctionConfig;
import org.serverlessloyalty.shared.platform.config.LambdaEnvironment;
import org.serverlessloyalty.shared.platform.http.ApiException;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.HttpFunction;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.platform.text.PlainText;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbPublishableKeys;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.ApiKey;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.port.PublishableKeys;
import org.serverlessloyalty.shared.store.service.StoreAccess;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The order-reporting routes. Each accepted report is put on the order queue and answered only once
 * SQS holds it; the request path writes nothing to DynamoDB (the consumer applies orders).
 *
 * <ul>
 *   <li>{@code POST /api/campaignBehaviors/order/{customerId}}: CibleR order tracking, key in
 *       {@code orderContext.key}; 202 {@code {"orderId":"…","status":"QUEUED"}}.</li>
 *   <li>{@code POST /v1/orders}: CitrusAd order sync, {@code Authorization: Basic <store API key>};
 *       200 with CitrusAd's response shape, in request order.</li>
 *   <li>{@code GET /v1/orders/{id}}: the applied order in the same shape; 404 until applied.</li>
 *   <li>{@code GET /v1/resource/third-o}: the front-end beacon, authenticated by the store's
 *       publishable key only; 200 {@code {}}.</li>
 * </ul>
 */
public final class OrderApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String CIBLER_ORDER = "POST /api/campaignBehaviors/order/{customerId}";
    static final String CITRUSAD_ORDERS = "POST /v1/orders";
    static final String CITRUSAD_ORDER = "GET /v1/orders/{id}";
    static final String BEACON = "GET /v1/resource/third-o";

    private final StoreAccess access;
    private final PublishableKeys publishableKeys;
    private final OrderLedger ledger;
    private final OrderQueue queue;
    private final BusinessMetrics metrics;

    /** Called by Lambda: builds the DynamoDB and SQS adapters once per instance. */
    public OrderApiHandler() {
        var config = FunctionConfig.fromEnvironment();
        String queueUrl = LambdaEnvironment.require("ORDER_QUEUE_URL");
        var dynamoDb = AwsClients.dynamoDb();
        SqsClient sqs = AwsClients.configure(SqsClient.builder(), "SQS_ENDPOINT").build();
        var clock = Clock.systemUTC();
        this.access = new StoreAccess(new DynamoDbStoreRepository(dynamoDb, config.tableName()),
                config.storeCacheTtl(), clock);
        this.publishableKeys = new DynamoDbPublishableKeys(dynamoDb, config.tableName(), config.storeCacheTtl(), clock);
        this.ledger = new OrderApplication(new DynamoDbOrderRepository(dynamoDb, config.tableName()),
                new DynamoDbGiftCodeRepository(dynamoDb, config.tableName()),
                new DynamoDbStoreRepository(dynamoDb, config.tableName()), clock, config.storeCacheTtl());
        this.queue = new SqsOrderQueue(sqs, queueUrl);
        this.metrics = BusinessMetrics.forRuntime();
    }

    public OrderApiHandler(StoreAccess access, PublishableKeys publishableKeys, OrderLedger ledger, OrderQueue queue,
                           BusinessMetrics metrics) {
        this.access = access;
        this.publishableKeys = publishableKeys;
        this.ledger = ledger;
        this.queue = queue;
        this.metrics = metrics;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, metrics, request -> route(request, event));
    }

    private ApiResponse route(ApiRequest request, APIGatewayV2HTTPEvent event) {
        return switch (request.routeKey()) {
            case CIBLER_ORDER -> ciblerOrder(request);
            case CITRUSAD_ORDERS -> citrusAdOrders(request);
            case CITRUSAD_ORDER -> citrusAdOrder(request);
            case BEACON -> beacon(event);
            default -> throw ApiException.notFound("Route " + request.routeKey());
        };
    }

    private ApiResponse ciblerOrder(ApiRequest request) {
        String pathStore = request.pathParameter("customerId");
        CiblerOrderRequest order = CiblerOrderRequest.parse(Json.parseObject(request.body()));
        // The key travels in the body: authenticate it before saying anything else about the body.
        StoreCode store = order.apiKey().map(key -> access.authenticate(pathStore, Optional.of(key)).code()).orElse(null);
        OrderReport report = order.toReport(store);
        enqueue(List.of(report));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", report.orderId());
        body.put("status", "QUEUED");
        return new ApiResponse(202, body);
    }

    private ApiResponse citrusAdOrders(ApiRequest request) {
        Store store = authenticateBasic(request);
        List<OrderReport> reports = CitrusAdOrdersRequest.parse(store.code(), Json.parseObject(request.body()));
        enqueue(reports);
        return ApiResponse.ok(CitrusAdJson.orders(reports));
    }

    private ApiResponse citrusAdOrder(ApiRequest request) {
        Store store = authenticateBasic(request);
        String id = request.pathParameter("id");
        if (!OrderIds.isValid(id)) {
            // No order can have this id: answered without a key of it ever reaching DynamoDB.
            throw ApiException.notFound("Order " + PlainText.excerpt(id));
        }
        return ledger.find(store.code(), id)
                .map(applied -> ApiResponse.ok(CitrusAdJson.orders(List.of(applied.order()))))
                .orElseThrow(() -> ApiException.notFound("Order " + PlainText.excerpt(id)));
    }

    private ApiResponse beacon(APIGatewayV2HTTPEvent event) {
        BeaconRequest beacon = BeaconRequest.parse(event.getRawQueryString(), event.getQueryStringParameters());
        StoreCode store = beacon.key().map(this::authenticatePublishable).orElse(null);
        enqueue(List.of(beacon.toReport(store)));
        return ApiResponse.ok(Map.of());
    }

    /** CitrusAd's {@code Authorization: Basic <API key>}; the key names its store. */
    private Store authenticateBasic(ApiRequest request) {
        String key = basicKey(request.header("authorization").orElse(null)).orElseThrow(ApiException::unauthorized);
        StoreCode store = ApiKey.claimedStore(key).orElseThrow(ApiException::unauthorized);
        return access.authenticate(store.value(), Optional.of(key));
    }

    /**
     * The store API key in a Basic credential: sent as is ({@code Basic sl_…}, CitrusAd's way), or
     * base64 of {@code <key>:} or {@code <key>} (what HTTP Basic clients send with the key as user).
     */
    static Optional<String> basicKey(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String credential = header.substring(6).strip();
        if (credential.isEmpty()) {
            return Optional.empty();
        }
        if (ApiKey.claimedStore(credential).isPresent()) {
            return Optional.of(credential);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        String key = decoded.endsWith(":") ? decoded.substring(0, decoded.length() - 1) : decoded;
        return ApiKey.claimedStore(key).isPresent() ? Optional.of(key) : Optional.empty();
    }

    /** The publishable key opens the beacon of its own store and nothing else. */
    private StoreCode authenticatePublishable(String key) {
        StoreCode store = PublishableKeys.claimedStore(key).orElseThrow(ApiException::unauthorized);
        if (!publishableKeys.matches(store, key)) {
            throw ApiException.unauthorized();
        }
        if (access.store(store).filter(Store::active).isEmpty()) {
            throw ApiException.notFound("Store " + store);
        }
        return store;
    }

    private void enqueue(List<OrderReport> reports) {
        for (int i = 0; i < reports.size(); i++) {
            int bytes = OrderReportJson.write(reports.get(i)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes > OrderQueue.MAX_MESSAGE_BYTES) {
                throw new ApiException(413, "PAYLOAD_TOO_LARGE", "An order is " + bytes + " bytes as a message; the limit is "
                        + OrderQueue.MAX_MESSAGE_BYTES, FieldErrors.single(reports.size() == 1 ? "body" : "orders[" + i + "]",
                        "is too large for one order message"));
            }
        }
        queue.enqueue(reports);
        metrics.count("OrdersQueued", reports.size(), "Source", reports.get(0).source().name());
    }
}
