package org.serverlessloyalty.shared.level.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.fakes.InMemoryMembers;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.level.model.DowngradeBase;
import org.serverlessloyalty.shared.level.model.DowngradeMode;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.level.model.LevelReward;
import org.serverlessloyalty.shared.level.model.LevelSettings;
import org.serverlessloyalty.shared.level.model.TierAssignType;
import org.serverlessloyalty.shared.level.service.LevelAudience;
import org.serverlessloyalty.shared.level.service.LevelSettingsCache;
import org.serverlessloyalty.shared.level.service.LevelTrackingLedger;
import org.serverlessloyalty.shared.level.service.Levels;
import org.serverlessloyalty.shared.level.service.MemberLevels;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.SpendPoints;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.service.PointsAccounts;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.segment.dynamodb.DynamoDbSegmentRepository;
import org.serverlessloyalty.shared.segment.model.Segment;
import org.serverlessloyalty.shared.segment.service.Segments;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.transaction.model.TransactionTotals;

/**
 * Levels on the in-process DynamoDB engine, moved by real points transfers through {@link LevelTrackingLedger}: every
 * committed add, spend or cancel recalculates (L3), a level's members follow (L-6), manual levels hold (L5).
 */
class MemberLevelsIT {

    private final LocalTable table = LocalTable.create();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final StoreZone store = new StoreZone(new StoreCode("lv" + UUID.randomUUID().toString().substring(0, 8)),
            ZoneId.of("Europe/Paris"));
    private final InMemoryMembers members = new InMemoryMembers();
    private final DynamoDbLevelRepository levelRepository = new DynamoDbLevelRepository(table.client(), table.name());
    private final DynamoDbLevelSettings settingsRepository = new DynamoDbLevelSettings(table.client(), table.name());
    private final DynamoDbPointsLedger ledger = new DynamoDbPointsLedger(table.client(), table.name(), clock);
    private final AtomicReference<TransactionTotals> totals = new AtomicReference<>(TransactionTotals.NONE);
    private final MemberLevels memberLevels = new MemberLevels(levelRepository,
            new LevelSettingsCache(settingsRepository, Duration.ZERO, clock), new PointsAccounts(ledger, clock),
            (s, m, skus, categories) -> totals.get(), clock);
    private final PointsTransfers transfers = new PointsTransfers(
            new LevelTrackingLedger(ledger, memberLevels, s -> Optional.of(store.zone())), members,
            s -> PointsSettings.DEFAULTS, clock);
    private final Levels levels = new Levels(levelRepository);
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    private Level base;
    private Level silver;
    private Level gold;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private void ladder() {
        base = levels.create(store.code(), level("Base", "0", "0.01"));
        silver = levels.create(store.code(), level("Silver", "20", "0.15"));
        gold = levels.create(store.code(), level("Gold", "200", "0.20"));
    }

    private static Level level(String name, String conditionValue, String reward) {
        return new Level("new", name, null, true, new BigDecimal(conditionValue), null,
                new LevelReward(name + " reward", new BigDecimal(reward), name.toUpperCase()), List.of(),
                Instant.parse("2026-11-01T00:00:00Z"));
    }

    private String member() {
        String id = UUID.randomUUID().toString();
        members.add(store.code(), id);
        return id;
    }

    private TransferOutcome add(String memberId, String points) {
        return transfers.add(store, new AddPoints(memberId, new BigDecimal(points), null, Issuer.ADMIN, null),
                Claim.none());
    }

    private void spend(String memberId, String points) {
        transfers.spend(store, new SpendPoints(memberId, new BigDecimal(points), null, Issuer.ADMIN, null),
                Claim.none());
    }

    private String levelOf(String memberId) {
        return levelRepository.state(store.code(), memberId).levelId();
    }

    @Test
    void l6ThenL3AddsMoveTheMemberUpAndASpendMovesThemDownWithTheirLevelsMembers() {
        ladder();
        String jane = member();
        memberLevels.recalculate(store, jane);
        assertThat(levelOf(jane)).isEqualTo(base.id());

        add(jane, "250");
        assertThat(levelOf(jane)).isEqualTo(gold.id());
        assertThat(levelRepository.members(store.code(), gold.id(), 0, 10)).containsExactly(jane);
        assertThat(levelRepository.countMembers(store.code(), base.id())).isZero();

        spend(jane, "200");
        assertThat(levelOf(jane)).isEqualTo(silver.id());
        assertThat(levelRepository.countMembers(store.code(), gold.id())).isZero();
        assertThat(levelRepository.countMembers(store.code(), silver.id())).isEqualTo(1);
    }

    @Test
    void recalculatingTwiceChangesNothingMore() {
        ladder();
        String jane = member();
        add(jane, "25");
        long version = levelRepository.state(store.code(), jane).version();
        memberLevels.recalculate(store, jane);
        memberLevels.recalculate(store, jane);
        assertThat(levelRepository.state(store.code(), jane).version()).isEqualTo(version);
    }

    @Test
    void concurrentAddsEndInTheLevelTheFinalBalanceReachesWithTheMemberInExactlyOneLevel() throws Exception {
        ladder();
        String jane = member();
        List<Future<?>> adds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            adds.add(pool.submit(() -> add(jane, "20")));
        }
        for (Future<?> f : adds) {
            f.get();
        }
        assertThat(levelOf(jane)).isEqualTo(gold.id());
        long in = 0;
        for (Level level : List.of(base, silver, gold)) {
            in += levelRepository.countMembers(store.code(), level.id());
        }
        assertThat(in).isEqualTo(1);
    }

    @Test
    void l5AManualLevelHoldsAsAFloorUntilRemovedThenTheBalanceDecides() {
        ladder();
        String jane = member();
        add(jane, "30");
        assertThat(memberLevels.assign(store, jane, gold.id())).isInstanceOf(MemberLevels.Assignment.Assigned.class);
        assertThat(levelOf(jane)).isEqualTo(gold.id());
        spend(jane, "30");
        assertThat(levelOf(jane)).isEqualTo(gold.id());

        memberLevels.removeManual(store, jane);
        assertThat(levelOf(jane)).isEqualTo(base.id());
        assertThat(levelRepository.state(store.code(), jane).manualLevelId()).isNull();
        assertThat(levelRepository.countMembers(store.code(), gold.id())).isZero();
    }

    @Test
    void item10AssigningAnUnknownLevelIsRefusedAndChangesNothing() {
        ladder();
        String jane = member();
        assertThat(memberLevels.assign(store, jane, UUID.randomUUID().toString()))
                .isInstanceOf(MemberLevels.Assignment.NoSuchLevel.class);
        assertThat(levelRepository.state(store.code(), jane).version()).isZero();
    }

    @Test
    void l3ModeNoneKeepsTheLevelAfterASpend() {
        ladder();
        settingsRepository.save(store.code(), new LevelSettings(TierAssignType.POINTS, DowngradeMode.NONE, 30,
                DowngradeBase.ACTIVE_POINTS, Set.of(), Set.of(), false), clock.instant());
        String jane = member();
        add(jane, "250");
        spend(jane, "249");
        assertThat(levelOf(jane)).isEqualTo(gold.id());
    }

    @Test
    void l3AfterXDaysMovesDownOnlyOnTheScheduledRecalculationOnceTheDaysHavePassed() {
        ladder();
        settingsRepository.save(store.code(), new LevelSettings(TierAssignType.POINTS, DowngradeMode.AFTER_X_DAYS, 10,
                DowngradeBase.ACTIVE_POINTS, Set.of(), Set.of(), false), clock.instant());
        String jane = member();
        add(jane, "250");
        spend(jane, "240");
        memberLevels.recalculateScheduled(store, jane);
        assertThat(levelOf(jane)).isEqualTo(gold.id());
        clock.advance(Duration.ofDays(10));
        memberLevels.recalculate(store, jane);
        assertThat(levelOf(jane)).isEqualTo(gold.id());
        memberLevels.recalculateScheduled(store, jane);
        assertThat(levelOf(jane)).isEqualTo(base.id());
    }

    @Test
    void l3TheScheduledReviewFindsOnlyTheMembersWhoseDaysHavePassedAndKeepsThoseWhoEarnedEnough() {
        ladder();
        settingsRepository.save(store.code(), new LevelSettings(TierAssignType.POINTS, DowngradeMode.AFTER_X_DAYS, 10,
                DowngradeBase.EARNED_POINTS_SINCE_LAST_LEVEL_CHANGE, Set.of(), Set.of(), false), clock.instant());
        String ann = member();
        String bob = member();
        add(ann, "250");
        add(bob, "250");
        clock.advance(Duration.ofDays(5));
        String cid = member();
        add(cid, "250");
        clock.advance(Duration.ofDays(5));
        // Ann earned gold's 200 again within her days; Bob earned nothing since he reached it.
        add(ann, "200");
        assertThat(levelOf(ann)).isEqualTo(gold.id());

        assertThat(memberLevels.reviewDue(store, 100)).isEqualTo(2);
        assertThat(levelOf(ann)).isEqualTo(gold.id());
        assertThat(levelOf(bob)).isEqualTo(base.id());
        assertThat(levelOf(cid)).isEqualTo(gold.id());
        // Reviewed members' clocks restarted: nobody is due again until their days pass.
        assertThat(memberLevels.reviewDue(store, 100)).isZero();
        clock.advance(Duration.ofDays(5));
        assertThat(memberLevels.reviewDue(store, 100)).isEqualTo(1);
        assertThat(levelOf(cid)).isEqualTo(base.id());
    }

    @Test
    void item13EarnedPointsBaseIgnoresSpendsAndCountsEveryPointEverEarned() {
        ladder();
        settingsRepository.save(store.code(), new LevelSettings(TierAssignType.POINTS, DowngradeMode.AUTOMATIC, 30,
                DowngradeBase.EARNED_POINTS, Set.of(), Set.of(), false), clock.instant());
        String jane = member();
        add(jane, "150");
        spend(jane, "150");
        add(jane, "60");
        // Lifetime 210 reaches gold; Open Loyalty would count only the 60 since the last recalculation.
        assertThat(levelOf(jane)).isEqualTo(gold.id());
    }

    @Test
    void l4ByTransactionsTheLevelFollowsTheMembersTransactionAmount() {
        ladder();
        settingsRepository.save(store.code(), new LevelSettings(TierAssignType.TRANSACTIONS, DowngradeMode.AUTOMATIC,
                30, DowngradeBase.ACTIVE_POINTS, Set.of("SHIP"), Set.of(), true), clock.instant());
        String jane = member();
        totals.set(new TransactionTotals(2, new BigDecimal("230"), new BigDecimal("210")));
        memberLevels.recalculate(store, jane);
        assertThat(levelOf(jane)).isEqualTo(gold.id());
        totals.set(new TransactionTotals(1, new BigDecimal("60"), new BigDecimal("50")));
        memberLevels.recalculate(store, jane);
        assertThat(levelOf(jane)).isEqualTo(silver.id());
        MemberLevels.View view = memberLevels.view(store, jane);
        assertThat(view.next()).isEqualTo(gold);
        assertThat(view.amounts().reach()).isEqualByComparingTo("50");
    }

    @Test
    void settingsReadBackExactly() {
        LevelSettings saved = new LevelSettings(TierAssignType.TRANSACTIONS, DowngradeMode.AFTER_X_DAYS, 45,
                DowngradeBase.EARNED_POINTS_SINCE_LAST_LEVEL_CHANGE, Set.of("A", "B"), Set.of("shoes"), true);
        settingsRepository.save(store.code(), saved, clock.instant());
        assertThat(settingsRepository.find(store.code())).contains(saved);
        assertThat(settingsRepository.find(new StoreCode("nosettings"))).isEmpty();
    }

    @Test
    void aLevelReadsBackAsWrittenAndAnUpdateKeepsItsIdAndCreationTime() {
        Level created = levels.create(store.code(), level("Silver", "20.5", "0.155"));
        assertThat(levels.find(store.code(), created.id())).contains(created);
        Level changed = levels.replace(store.code(), created.id(), level("Argent", "25", "0.2")).orElseThrow();
        assertThat(changed.id()).isEqualTo(created.id());
        assertThat(levels.find(store.code(), created.id()).orElseThrow().name()).isEqualTo("Argent");
        assertThat(levels.replace(store.code(), UUID.randomUUID().toString(), changed)).isEmpty();
        assertThat(levels.activate(store.code(), created.id(), false).orElseThrow().active()).isFalse();
    }

    @Test
    void theAudienceIsTheMembersStatusLevelAndSegments() {
        ladder();
        DynamoDbSegmentRepository segmentRepository = new DynamoDbSegmentRepository(table.client(), table.name());
        Segments segments = new Segments(segmentRepository, members);
        Segment vip = segments.create(store.code(), new Segment("new", "VIP", null, true, clock.instant()));
        String jane = member();
        add(jane, "25");
        assertThat(segments.add(store.code(), vip.id(), List.of(jane, jane))).isTrue();
        LevelAudience audience = new LevelAudience(members, levelRepository, segmentRepository);
        var seen = audience.of(store.code(), jane).orElseThrow();
        assertThat(seen.levelId()).isEqualTo(silver.id());
        assertThat(seen.segmentIds()).containsExactly(vip.id());
        assertThat(seen.status()).isEqualTo("active");
        assertThat(segments.customersCount(store.code(), vip.id())).isEqualTo(1);

        segments.remove(store.code(), vip.id(), jane);
        assertThat(audience.of(store.code(), jane).orElseThrow().segmentIds()).isEmpty();
        assertThat(segments.members(store.code(), vip.id(), 1, 10)).isEmpty();
        assertThat(audience.of(store.code(), UUID.randomUUID().toString())).isEmpty();
        assertThat(segments.add(store.code(), UUID.randomUUID().toString(), List.of(jane))).isFalse();
    }
}
