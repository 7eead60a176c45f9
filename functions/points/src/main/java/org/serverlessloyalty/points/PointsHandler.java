package org.serverlessloyalty.points;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.serverlessloyalty.points.auth.Access;
import org.serverlessloyalty.points.auth.AdminKey;
import org.serverlessloyalty.points.auth.CustomerTokens;
import org.serverlessloyalty.points.auth.PointsAuthorization;
import org.serverlessloyalty.points.auth.SsmAdminKeySource;
import org.serverlessloyalty.points.transaction.TransactionPorts;
import org.serverlessloyalty.points.transaction.TransactionRoutes;
import org.serverlessloyalty.shared.earning.dynamodb.DynamoDbEarningRuleRepository;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.earning.port.TargetNames;
import org.serverlessloyalty.shared.earning.service.EarningRuleAdmin;
import org.serverlessloyalty.shared.earning.service.EarningRuleCatalog;
import org.serverlessloyalty.shared.earning.service.RuleEarning;
import org.serverlessloyalty.shared.level.port.MemberAudience;
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
import org.serverlessloyalty.shared.order.dynamodb.DynamoDbShopBalances;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionRepository;
import org.serverlessloyalty.shared.transaction.dynamodb.DynamoDbTransactionSettings;
import org.serverlessloyalty.shared.transaction.service.TransactionSettingsCache;
import org.serverlessloyalty.shared.transaction.service.Transactions;
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
    // issue 10: h10-rules
    private final EarningRuleRoutes earningRules;
    // issue 10: h10-tx
    private final TransactionRoutes transactions;
    private final BusinessMetrics metrics;

    /** Called by Lambda: builds the adapters once per instance. */
    public PointsHandler() {
        this(Wiring.fromEnvironment());
    }

    private PointsHandler(Wiring wiring) {
        this(wiring.adminKey(), wiring.stores(), wiring.members(), wiring.secrets(), wiring.tokenLifetime(),
                wiring.ledger(), wiring.settings(), wiring.idempotency(), Clock.systemUTC(), BusinessMetrics.forRuntime(),
                wiring.earningRules(), TargetNames.NONE, wiring.audiences(), wiring.transactionPorts());
    }

    private record Wiring(Supplier<String> adminKey, StoreAccess stores, MemberRepository members,
                          CustomerTokenSecrets secrets, Duration tokenLifetime, PointsLedger ledger,
                          PointsSettingsSource settings, IdempotencyStore idempotency,
                          EarningRuleCatalog earningRules, MemberAudience audiences,
                          TransactionPorts transactionPorts) {

        /** Called only by the no-arg constructor: the one place the points function builds its adapters. */
        private static Wiring fromEnvironment() {
            var config = FunctionConfig.fromEnvironment();
            var dynamoDb = AwsClients.dynamoDb();
            Clock clock = Clock.systemUTC();
            MemberRepository members = new DynamoDbMemberRepository(dynamoDb, config.tableName());
            return new Wiring(
                    // The SSM client is built on the first admin request that needs the key, then closed.
                    new SsmAdminKeySource(() -> AwsClients.configure(SsmClient.builder(), "SSM_ENDPOINT").build()),
                    new StoreAccess(new DynamoDbStoreRepository(dynamoDb, config.tableName()), config.storeCacheTtl(),
                            clock),
                    members,
                    new DynamoDbCustomerTokenSecrets(dynamoDb, config.tableName()),
                    Duration.ofSeconds(LambdaEnvironment.intValue(CUSTOMER_TOKEN_SECONDS, DEFAULT_CUSTOMER_TOKEN_SECONDS)),
                    new DynamoDbPointsLedger(dynamoDb, config.tableName(), clock),
                    new PointsSettingsCache(new DynamoDbPointsSettings(dynamoDb, config.tableName()),
                            config.storeCacheTtl(), clock),
                    new DynamoDbIdempotencyStore(dynamoDb, config.tableName()),
                    // issue 10: h10-rules. One cache of the store's rules per instance, shared by the rule routes
                    // (which invalidate it on a change) and the transaction earning (RuleEarning over this catalog).
                    new EarningRuleCatalog(new DynamoDbEarningRuleRepository(dynamoDb, config.tableName(), clock),
                            config.storeCacheTtl(), clock),
                    // Until the levels domain (h10-levels) provides MemberAudience: a member's status, no level, no
                    // segment, so only rules for nobody in particular are listed to a customer.
                    (store, memberId) -> members.find(store, memberId)
                            .map(m -> new Audience(m.memberId(), m.status().value(), null, Set.of())),
                    // issue 10: h10-tx. Levels and event rules are their areas' (no-ops until merged).
                    new TransactionPorts(new DynamoDbTransactionRepository(dynamoDb, config.tableName()),
                            new TransactionSettingsCache(new DynamoDbTransactionSettings(dynamoDb, config.tableName()),
                                    config.storeCacheTtl(), clock),
                            TransactionPorts.NO_LEVELS, TransactionPorts.NO_EVENTS,
                            new DynamoDbShopBalances(dynamoDb, config.tableName())));
        }
    }

    /** With ports: the tests' constructor. */
    public PointsHandler(Supplier<String> adminKey, StoreAccess stores, MemberRepository memberRepository,
                         CustomerTokenSecrets secrets, Duration tokenLifetime, PointsLedger ledger,
                         PointsSettingsSource settings, IdempotencyStore idempotencyStore, Clock clock,
                         BusinessMetrics metrics, EarningRuleCatalog earningRuleCatalog, TargetNames targetNames,
                         MemberAudience audiences, TransactionPorts transactionPorts) {
        MemberDirectory directory = new MemberDirectory(memberRepository, clock);
        CustomerTokenKeys keys = new CustomerTokenKeys(secrets, clock);
        CustomerTokens customerTokens = new CustomerTokens(keys, clock, tokenLifetime);
        PointsTransfers pointsTransfers = new PointsTransfers(ledger, directory, settings, clock);
        TransferAnswers answers = new TransferAnswers(new Idempotency(idempotencyStore, clock));
        this.authorization = new PointsAuthorization(new AdminKey(adminKey), stores, customerTokens);
        this.members = new MemberRoutes(directory, metrics, clock);
        this.tokens = new CustomerTokenRoutes(directory, customerTokens, keys);
        this.transfers = new TransferRoutes(pointsTransfers, answers, metrics);
        this.imports = new TransferImport(pointsTransfers, answers, metrics);
        this.accounts = new AccountRoutes(directory, new PointsAccounts(ledger, clock),
                new TransferListing(ledger, directory, clock), new PointsHistogram(ledger, clock), clock,
                transactionPorts.shopBalances());
        // issue 10: h10-rules
        this.earningRules = new EarningRuleRoutes(new EarningRuleAdmin(earningRuleCatalog, clock), targetNames,
                audiences, new Idempotency(idempotencyStore, clock), metrics, clock);
        this.metrics = metrics;
        // issue 10: h10-tx. A transaction earns through the same cached rules the rule routes keep (RuleEarning).
        this.transactions = new TransactionRoutes(new Transactions(transactionPorts.repository(),
                transactionPorts.settings(), TransactionPorts.shoppers(directory),
                new RuleEarning(earningRuleCatalog, settings), audiences, pointsTransfers, ledger,
                new Idempotency(idempotencyStore, clock), transactionPorts.levels(), transactionPorts.events(), clock),
                clock);
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
            case "POST /api/{storeCode}/earningRule/{earningRule}/activate" ->
                    earningRules.activate(request, authorization.authorize(request, Access.STORE_ADMIN));
            case "GET /api/{storeCode}/seller/earningRule" ->
                    earningRules.list(request, authorization.authorize(request, Access.SELLER));
            case "GET /api/{storeCode}/seller/earningRule/{earningRule}" ->
                    earningRules.get(request, authorization.authorize(request, Access.SELLER));
            case "GET /api/{storeCode}/customer/earningRule" ->
                    earningRules.listForCustomer(request, authorization.authorize(request, Access.CUSTOMER_SELF));
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
