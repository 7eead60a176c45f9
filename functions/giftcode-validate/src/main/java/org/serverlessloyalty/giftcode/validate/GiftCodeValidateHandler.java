package org.serverlessloyalty.giftcode.validate;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import org.serverlessloyalty.shared.giftcode.dynamodb.DynamoDbGiftCodeRepository;
import org.serverlessloyalty.shared.giftcode.rules.Messages;
import org.serverlessloyalty.shared.giftcode.service.CodeValidation;
import org.serverlessloyalty.shared.platform.aws.AwsClients;
import org.serverlessloyalty.shared.platform.config.FunctionConfig;
import org.serverlessloyalty.shared.platform.http.ApiRequest;
import org.serverlessloyalty.shared.platform.http.ApiResponse;
import org.serverlessloyalty.shared.platform.http.HttpFunction;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.service.StoreAccess;

/** {@code POST /api/giftCodes/validate/{customerId}}: may this shopper use this code on this cart? Only reads. */
public final class GiftCodeValidateHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final StoreAccess access;
    private final CodeValidation validation;
    private final BusinessMetrics metrics;

    /** Called by Lambda: builds the DynamoDB adapters once per instance. */
    public GiftCodeValidateHandler() {
        var config = FunctionConfig.fromEnvironment();
        var dynamoDb = AwsClients.dynamoDb();
        var clock = Clock.systemUTC();
        this.access = new StoreAccess(new DynamoDbStoreRepository(dynamoDb, config.tableName()),
                config.storeCacheTtl(), clock);
        this.validation = new CodeValidation(new DynamoDbGiftCodeRepository(dynamoDb, config.tableName()), clock);
        this.metrics = BusinessMetrics.forRuntime();
    }

    public GiftCodeValidateHandler(StoreAccess access, CodeValidation validation, BusinessMetrics metrics) {
        this.access = access;
        this.validation = validation;
        this.metrics = metrics;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, metrics, this::validate);
    }

    private ApiResponse validate(ApiRequest request) {
        Store store = access.authenticate(request.pathParameter("customerId"), request.apiKey());
        var parsed = ValidateRequest.parse(store.code(), Json.parseObject(request.body()));
        var outcome = parsed.query().isPresent()
                ? validation.validate(store, parsed.query().get())
                : ValidateRequest.unknownCode();
        metrics.count("CodeValidations", 1, "Outcome", outcome.refusal().map(Enum::name).orElse("USABLE"));
        String language = Messages.language(request.header("accept-language").orElse(null), store.locale());
        return ApiResponse.ok(ValidateResponse.of(outcome, language));
    }
}
