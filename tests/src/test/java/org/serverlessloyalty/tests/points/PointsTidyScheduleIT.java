package org.serverlessloyalty.tests.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.local.LocalStack;
import org.serverlessloyalty.local.schedule.ScheduleRunner;
import org.serverlessloyalty.shared.fakes.InMemoryMembers;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.dynamodb.PointsKeys;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.tests.template.CloudFormationYaml;

/** The local stack runs template.yaml's points tidy-up on its schedule, with the function's own wiring. */
class PointsTidyScheduleIT {

    private static final String TABLE = "LoyaltyTable";
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().port(0)
                .templatePath(CloudFormationYaml.repositoryRoot().resolve("template.yaml"))
                .adminKey("tidy-admin-key").seedDemo(false).accessLog(false));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theScheduledTidyUpStoresTheStateOfALotWhoseLockEnded() {
        ScheduleRunner runner = stack.schedules().stream()
                .filter(s -> s.schedule().functionLogicalId().equals("PointsTidyFunction")).findFirst().orElseThrow();
        assertThat(runner.schedule().rate()).isEqualTo(Duration.ofHours(1));

        StoreCode code = new StoreCode("tidy-" + UUID.randomUUID().toString().substring(0, 8));
        new StoreDirectory(new DynamoDbStoreRepository(stack.dynamoDbClient(), TABLE), Clock.systemUTC())
                .create(new Store(code, "Shop", Currency.getInstance("EUR"), ZoneId.of("Europe/Paris"), Locale.FRENCH,
                        true, null, null, null));
        InMemoryMembers members = new InMemoryMembers();
        members.add(code, "alice");
        // Added three days ago with a two-day lock: its lock ended yesterday, its item still says pending.
        MutableClock then = new MutableClock(Instant.now().minus(Duration.ofDays(3)));
        PointsSettings locking = new PointsSettings(ExpiryMode.AFTER_X_DAYS, 30, 2, Set.of("active"),
                Set.of("active"), false);
        PointsTransfers transfers = new PointsTransfers(new DynamoDbPointsLedger(stack.dynamoDbClient(), TABLE, then),
                members, s -> locking, then);
        TransferOutcome added = transfers.add(new StoreZone(code, ZoneId.of("Europe/Paris")),
                new AddPoints("alice", new BigDecimal("30"), null, Issuer.ADMIN, null), Claim.none());
        TransferId lot = ((TransferOutcome.Done) added).id();
        assertThat(state(code, lot)).isEqualTo("pending");

        runner.runOnce();

        assertThat(runner.successfulRuns()).isEqualTo(1);
        assertThat(state(code, lot)).isEqualTo("active");
    }

    private static String state(StoreCode store, TransferId lot) {
        return stack.dynamoDbClient().getItem(b -> b.tableName(TABLE).consistentRead(true)
                .key(PointsKeys.lot(store, "alice", lot))).item().get("state").s();
    }
}
