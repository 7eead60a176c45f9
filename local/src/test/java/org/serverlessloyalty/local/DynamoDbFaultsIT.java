package org.serverlessloyalty.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.dynamodb.FaultCounts;
import org.serverlessloyalty.local.dynamodb.FaultKind;
import org.serverlessloyalty.local.dynamodb.FaultPolicy;

/** {@code --dynamodb-faults}: the stack starts cleanly, then its DynamoDB fails as AWS does and the functions' SDK copes. */
class DynamoDbFaultsIT {

    @Test
    void theFunctionsRideOutThrottlingAndInternalErrorsOnceTheStackIsUp() throws Exception {
        FaultPolicy faults = FaultPolicy.parse("throttle=0.15,internal=0.1,seed=4,ops=GetItem+Query");
        try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().port(0).adminKey("faults-it-admin-key")
                .accessLog(false).templatePath(TestTemplates.realTemplate()).dynamoDbFaults(faults))) {
            assertThat(stack.dynamoDbEngine().faultPolicy()).isEqualTo(faults);
            FaultCounts startUp = stack.dynamoDbEngine().faultCounts();
            assertThat(startUp.injected()).as("tables and demo seeding ran before the faults were on").isZero();

            for (int i = 0; i < 15; i++) {
                HttpResponse<String> validated = BannerCurl.run(stack.banner());
                assertThat(validated.statusCode()).isEqualTo(200);
                assertThat(validated.body()).contains("\"canUse\":true");
            }
            FaultCounts counts = stack.dynamoDbEngine().faultCounts().minus(startUp);
            System.out.println("15 validations with " + faults + ":\n" + counts);
            assertThat(counts.injected(FaultKind.THROTTLING) + counts.injected(FaultKind.INTERNAL_ERROR)).isPositive();
            assertThat(counts.injected(FaultKind.TRANSACTION_CONFLICT)).isZero();

            stack.dynamoDbEngine().faultPolicy(FaultPolicy.none());
            FaultCounts before = stack.dynamoDbEngine().faultCounts();
            assertThat(BannerCurl.run(stack.banner()).statusCode()).isEqualTo(200);
            assertThat(stack.dynamoDbEngine().faultCounts().minus(before).injected()).isZero();
        }
    }
}
