package org.serverlessloyalty.points.tidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.InMemoryMembers;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.platform.observability.BusinessMetrics;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelRepository;
import org.serverlessloyalty.shared.level.dynamodb.DynamoDbLevelSettings;
import org.serverlessloyalty.shared.level.model.DowngradeBase;
import org.serverlessloyalty.shared.level.model.DowngradeMode;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.level.model.LevelReward;
import org.serverlessloyalty.shared.level.model.LevelSettings;
import org.serverlessloyalty.shared.level.model.TierAssignType;
import org.serverlessloyalty.shared.level.service.LevelSettingsCache;
import org.serverlessloyalty.shared.level.service.LevelTrackingLedger;
import org.serverlessloyalty.shared.level.service.Levels;
import org.serverlessloyalty.shared.level.service.MemberLevels;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbDueTransfers;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.service.PointsAccounts;
import org.serverlessloyalty.shared.transaction.model.TransactionTotals;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.model.TransferPage;
import org.serverlessloyalty.shared.points.model.TransferQuery;
import org.serverlessloyalty.shared.points.model.TransferState;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.points.service.TransferListing;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.port.StoreRepository;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.testing.LocalTable;

/** The scheduled tidy-up function on the in-process DynamoDB, fed a real EventBridge scheduled event. */
class PointsTidyHandlerIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Lock 2 days, expire 30 days after: a new lot is pending, then active. */
    private static final PointsSettings LOCKING = new PointsSettings(ExpiryMode.AFTER_X_DAYS, 30, 2, Set.of("active"),
            Set.of("active"), false);

    private static LocalTable table;
    private static StoreRepository stores;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-20T10:00:00Z"));
    private final InMemoryMembers members = new InMemoryMembers();

    @BeforeAll
    static void createTable() {
        table = LocalTable.create();
        stores = new DynamoDbStoreRepository(table.client(), table.name());
    }

    private StoreZone store() {
        StoreCode code = new StoreCode("t-" + UUID.randomUUID().toString().substring(0, 8));
        new StoreDirectory(stores, Clock.systemUTC()).create(new Store(code, "Shop", Currency.getInstance("EUR"), PARIS,
                Locale.FRENCH, true, null, null, null));
        members.add(code, "alice");
        return new StoreZone(code, PARIS);
    }

    private PointsTransfers transfers() {
        return new PointsTransfers(new DynamoDbPointsLedger(table.client(), table.name(), clock), members,
                s -> LOCKING, clock);
    }

    private long listed(StoreZone store, String state) {
        // The list derives states at its own instant: it never waited for the tidy-up.
        TransferListing listing = new TransferListing(new DynamoDbPointsLedger(table.client(), table.name(), clock),
                members, clock);
        TransferPage page = listing.list(store, new TransferQuery("alice", null, null, null, null,
                Set.of(TransferState.fromOpenLoyaltyName(state)), null, null, 1, 10, TransferQuery.SortField.CREATED_AT,
                false));
        return page.total();
    }

    /** A real EventBridge scheduled event, as Lambda hands it to a handler taking a map. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> scheduledEvent() throws Exception {
        try (InputStream in = PointsTidyHandlerIT.class.getResourceAsStream("/events/scheduled-tidy.json")) {
            Map<String, Object> event = new ObjectMapper().readValue(in, Map.class);
            assertThat(event).containsEntry("detail-type", "Scheduled Event");
            return event;
        }
    }

    @Test
    void aScheduledRunTidiesTheDueTransfersOfEveryStoreAndASecondRunChangesNothing() throws Exception {
        StoreZone first = store();
        StoreZone second = store();
        for (StoreZone store : List.of(first, second)) {
            TransferOutcome added = transfers().add(store,
                    new AddPoints("alice", new BigDecimal("30"), null, Issuer.ADMIN, null), Claim.none());
            assertThat(added).isInstanceOf(TransferOutcome.Done.class);
        }
        clock.advance(Duration.ofDays(3));
        assertThat(listed(first, "active")).isEqualTo(1);

        PointsTidyHandler handler = new PointsTidyHandler(stores,
                new DynamoDbDueTransfers(table.client(), table.name()), clock, BusinessMetrics.NONE);
        Map<String, Integer> run = handler.handleRequest(scheduledEvent(), null);

        assertThat(run.get("stores")).isGreaterThanOrEqualTo(2);
        assertThat(run.get("tidied")).isGreaterThanOrEqualTo(2);
        assertThat(run.get("storesFailed")).isZero();
        Map<String, Integer> again = handler.handleRequest(scheduledEvent(), null);
        assertThat(again.get("due")).isZero();
        assertThat(again.get("tidied")).isZero();
        assertThat(listed(first, "active")).isEqualTo(1);
        assertThat(listed(second, "pending")).isZero();
    }

    @Test
    void l3AScheduledRunMovesDownAnAfterXDaysMemberWhoseDaysHavePassed() throws Exception {
        StoreZone store = store();
        var ledger = new DynamoDbPointsLedger(table.client(), table.name(), clock);
        var levelRepository = new DynamoDbLevelRepository(table.client(), table.name());
        var settings = new DynamoDbLevelSettings(table.client(), table.name());
        settings.save(store.code(), new LevelSettings(TierAssignType.POINTS, DowngradeMode.AFTER_X_DAYS, 10,
                DowngradeBase.ACTIVE_POINTS, Set.of(), Set.of(), false), clock.instant());
        MemberLevels levels = new MemberLevels(levelRepository, new LevelSettingsCache(settings, Duration.ZERO, clock),
                new PointsAccounts(ledger, clock), (s, m, skus, categories) -> TransactionTotals.NONE, clock);
        Levels catalog = new Levels(levelRepository);
        Level base = catalog.create(store.code(), new Level("new", "Base", null, true, BigDecimal.ZERO, null,
                new LevelReward("b", new BigDecimal("0.01"), "B"), List.of(), clock.instant()));
        Level gold = catalog.create(store.code(), new Level("new", "Gold", null, true, new BigDecimal("20"), null,
                new LevelReward("g", new BigDecimal("0.2"), "G"), List.of(), clock.instant()));
        PointsTransfers transfers = new PointsTransfers(new LevelTrackingLedger(ledger, levels,
                c -> java.util.Optional.of(PARIS)), members, s -> PointsSettings.DEFAULTS, clock);
        transfers.add(store, new AddPoints("alice", new BigDecimal("30"), null, Issuer.ADMIN, null), Claim.none());
        transfers.spend(store, new SpendPoints("alice", new BigDecimal("25"), null, Issuer.ADMIN, null),
                Claim.none());
        assertThat(levelRepository.state(store.code(), "alice").levelId()).isEqualTo(gold.id());

        PointsTidyHandler handler = new PointsTidyHandler(stores,
                new DynamoDbDueTransfers(table.client(), table.name()), clock, BusinessMetrics.NONE, levels);
        handler.handleRequest(scheduledEvent(), null);
        assertThat(levelRepository.state(store.code(), "alice").levelId()).isEqualTo(gold.id());
        clock.advance(Duration.ofDays(10));
        handler.handleRequest(scheduledEvent(), null);
        assertThat(levelRepository.state(store.code(), "alice").levelId()).isEqualTo(base.id());
    }

    @Test
    void aStoreThatFailsIsReportedAfterTheOthersWereTidied() throws Exception {
        StoreZone store = store();
        transfers().add(store, new AddPoints("alice", new BigDecimal("30"), null, Issuer.ADMIN, null), Claim.none());
        clock.advance(Duration.ofDays(3));
        DynamoDbDueTransfers real = new DynamoDbDueTransfers(table.client(), table.name());
        StoreCode broken = new StoreCode("t-" + UUID.randomUUID().toString().substring(0, 8));
        new StoreDirectory(stores, Clock.systemUTC()).create(new Store(broken, "Broken", Currency.getInstance("EUR"),
                PARIS, Locale.FRENCH, true, null, null, null));
        var failing = new org.serverlessloyalty.shared.points.port.DueTransfers() {
            @Override
            public void due(StoreCode s, Instant now, java.util.function.Consumer<List<
                    org.serverlessloyalty.shared.points.model.StoredTransfer>> page) {
                if (s.equals(broken)) {
                    throw new IllegalStateException("throttled");
                }
                real.due(s, now, page);
            }

            @Override
            public boolean tidy(org.serverlessloyalty.shared.points.model.StoredTransfer seen,
                                org.serverlessloyalty.shared.points.model.ListedState tidied) {
                return real.tidy(seen, tidied);
            }
        };
        PointsTidyHandler handler = new PointsTidyHandler(stores, failing, clock, BusinessMetrics.NONE);

        assertThatThrownBy(() -> handler.handleRequest(scheduledEvent(), null))
                .hasMessageContaining("failed in 1 of");
        PointsTidyHandler healthy = new PointsTidyHandler(stores, real, clock, BusinessMetrics.NONE);
        assertThat(healthy.handleRequest(scheduledEvent(), null).get("due")).isZero();
    }
}
