package org.serverlessloyalty.shared.earning.event.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.earning.event.EventRules.custom;
import static org.serverlessloyalty.shared.earning.event.EventRules.event;
import static org.serverlessloyalty.shared.earning.event.EventRules.geo;
import static org.serverlessloyalty.shared.earning.event.EventRules.limited;
import static org.serverlessloyalty.shared.earning.event.EventRules.referral;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.earning.event.model.BuiltInEvent;
import org.serverlessloyalty.shared.earning.event.model.EventRule;
import org.serverlessloyalty.shared.earning.event.model.GeoPoint;
import org.serverlessloyalty.shared.earning.event.model.ReferralReward;
import org.serverlessloyalty.shared.earning.event.model.UsagePeriod;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.fakes.InMemoryMembers;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.Refusal;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.service.PointsAccounts;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.referral.dynamodb.DynamoDbInvitations;
import org.serverlessloyalty.shared.referral.model.Invitation;
import org.serverlessloyalty.shared.referral.model.InvitationStatus;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;

/** Event earning on the in-process DynamoDB engine: limits and once-only occasions held by the store (item 3). */
class EventAwardsIT {

    private static final LocalTable TABLE = LocalTable.create();
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    // 22:30 UTC on Sunday 29 November: 23:30 in Paris, half an hour before the next calendar day.
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T22:30:00Z"));
    private final InMemoryMembers members = new InMemoryMembers();
    private final List<EventRule> rules = new CopyOnWriteArrayList<>();
    private StoreZone store;
    private DynamoDbPointsLedger ledger;
    private DynamoDbInvitations invitations;
    private EventAwards awards;
    private EventAwards otherInstance;
    private PointsAccounts accounts;

    @BeforeEach
    void setUp() {
        store = new StoreZone(new StoreCode("e" + UUID.randomUUID().toString().substring(0, 8)), PARIS);
        ledger = new DynamoDbPointsLedger(TABLE.client(), TABLE.name(), clock);
        invitations = new DynamoDbInvitations(TABLE.client(), TABLE.name());
        accounts = new PointsAccounts(ledger, clock);
        awards = instance();
        otherInstance = instance();
        members.add(store.code(), "alice");
        members.add(store.code(), "bob");
        members.add(store.code(), "carol");
    }

    private EventAwards instance() {
        return new EventAwards(s -> List.copyOf(rules),
                (s, id) -> members.byId(s, id).map(m -> new Audience(id, m.status(), null, Set.of())),
                new PointsTransfers(ledger, members, s -> PointsSettings.DEFAULTS, clock), invitations, clock);
    }

    private BigDecimal points(String memberId) {
        return accounts.status(store, memberId).points().value();
    }

    @Test
    void concurrentCustomEventsAtTheLimitGiveExactlyLimitPerCalendarDayInTheStoresZone() throws Exception {
        rules.add(custom("r1", "facebook_like", "5", UsagePeriod.DAY, 3));

        List<TransferOutcome> today = runAll(12, i -> (i % 2 == 0 ? awards : otherInstance)
                .customEvent(store, "alice", "facebook_like", Claim.none()));
        clock.advance(Duration.ofHours(1)); // 00:30 in Paris: a new day
        List<TransferOutcome> tomorrow = runAll(12, i -> awards.customEvent(store, "alice", "facebook_like",
                Claim.none()));

        assertThat(today).filteredOn(TransferOutcome.Done.class::isInstance).hasSize(3);
        assertThat(today).filteredOn(o -> !(o instanceof TransferOutcome.Done))
                .containsOnly(new TransferOutcome.Refused(Refusal.LIMIT_EXCEEDED));
        assertThat(tomorrow).filteredOn(TransferOutcome.Done.class::isInstance).hasSize(3);
        assertThat(points("alice")).isEqualByComparingTo("30");
    }

    @Test
    void customEventWithoutARuleIsEventDoesNotExistAndWritesNothing() {
        TransferOutcome outcome = awards.customEvent(store, "alice", "tweet", Claim.none());

        assertThat(outcome).isEqualTo(new TransferOutcome.Refused(EventAwards.EVENT_DOES_NOT_EXIST));
        assertThat(((TransferOutcome.Refused) outcome).refusal().message()).isEqualTo("event does not exist");
        assertThat(points("alice")).isZero();
    }

    @Test
    void e13ConcurrentUsesOfAPlaceHoldEachRulesWeeklyLimit() throws Exception {
        rules.add(limited(geo("g1", 50.00, 15.00, "4", "2"), UsagePeriod.WEEK, 2));

        List<TransferOutcome> uses = runAll(8, i -> awards.geolocation(store, "alice",
                new GeoPoint(50.013992, 15.046411), Optional.empty(), Claim.none()));

        assertThat(uses).filteredOn(TransferOutcome.Done.class::isInstance).hasSize(2);
        assertThat(points("alice")).isEqualByComparingTo("4");
    }

    @Test
    void accountCreatedEarnsOnceHoweverOftenTheRegistrationIsReported() throws Exception {
        rules.add(event("a", BuiltInEvent.ACCOUNT_CREATED, "50"));

        List<BigDecimal> earned = runAll(6, i -> awards.registered(store, "alice", Optional.empty()));
        clock.advance(Duration.ofDays(3)); // past any Idempotency-Key's life
        awards.registered(store, "alice", Optional.empty());

        assertThat(earned).filteredOn(p -> p.signum() > 0).hasSize(1);
        assertThat(points("alice")).isEqualByComparingTo("50");
    }

    @Test
    void firstTransactionEarnsOnceAndLoginsEarnPerOccasion() {
        rules.add(event("f", BuiltInEvent.FIRST_TRANSACTION, "20"));
        rules.add(event("l", BuiltInEvent.LOGGED_IN, "1"));

        awards.purchased(store, "alice", "tx-1", true);
        awards.purchased(store, "alice", "tx-1", true);
        awards.award(store, "alice", BuiltInEvent.LOGGED_IN, "token-1");
        awards.award(store, "alice", BuiltInEvent.LOGGED_IN, "token-1");
        awards.award(store, "alice", BuiltInEvent.LOGGED_IN, "token-2");

        assertThat(points("alice")).isEqualByComparingTo("22");
    }

    @Test
    void referralRewardsTheReferredAndTheReferrerOnceEachPerOccasion() {
        rules.add(referral("r1", BuiltInEvent.REFERRAL_REGISTER, ReferralReward.BOTH, "10"));
        rules.add(referral("r2", BuiltInEvent.REFERRAL_FIRST_PURCHASE, ReferralReward.REFERRER, "30"));
        rules.add(referral("r3", BuiltInEvent.REFERRAL_EVERY_PURCHASE, ReferralReward.REFERRED, "2"));
        invitations.create(invitation("tok-1", "alice"));

        awards.registered(store, "bob", Optional.of("tok-1"));
        awards.registered(store, "bob", Optional.of("tok-1")); // the registration replayed
        awards.purchased(store, "bob", "tx-1", true);
        awards.purchased(store, "bob", "tx-1", true); // the same transaction reported again
        awards.purchased(store, "bob", "tx-2", false);

        assertThat(points("alice")).isEqualByComparingTo("40");
        assertThat(points("bob")).isEqualByComparingTo("14");
        assertThat(invitations.byToken(store.code(), "tok-1").orElseThrow().status())
                .isEqualTo(InvitationStatus.MADE_PURCHASE);
    }

    @Test
    void anInvitationTiesOneMemberEvenWhenTwoRegisterWithItAtOnce() throws Exception {
        rules.add(referral("r1", BuiltInEvent.REFERRAL_REGISTER, ReferralReward.REFERRER, "10"));
        invitations.create(invitation("tok-2", "alice"));

        runAll(2, i -> awards.registered(store, i == 0 ? "bob" : "carol", Optional.of("tok-2")));

        Invitation tied = invitations.byToken(store.code(), "tok-2").orElseThrow();
        assertThat(tied.recipientId()).isIn("bob", "carol");
        assertThat(invitations.referralOf(store.code(), "bob").isPresent()
                ^ invitations.referralOf(store.code(), "carol").isPresent()).isTrue();
        assertThat(points("alice")).isEqualByComparingTo("10");
    }

    private Invitation invitation(String token, String referrer) {
        return new Invitation(store.code(), UUID.randomUUID().toString(), token, referrer, referrer + "@example.com",
                "Alice", "friend@example.com", null, null, InvitationStatus.INVITED, clock.instant());
    }

    private interface Task<T> {
        T run(int i) throws Exception;
    }

    private static <T> List<T> runAll(int n, Task<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<T>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                tasks.add(() -> task.run(index));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
