package org.serverlessloyalty.shared.transaction.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.serverlessloyalty.shared.transaction.TransactionFixtures.returnOf;
import static org.serverlessloyalty.shared.transaction.TransactionFixtures.sale;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.earning.port.EventEarning;
import org.serverlessloyalty.shared.fakes.InMemoryMembers;
import org.serverlessloyalty.shared.fakes.MutableClock;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.DynamoDbIdempotencyStore;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TallyKey;
import org.serverlessloyalty.shared.points.service.PointsAccounts;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.transaction.TransactionFixtures;
import org.serverlessloyalty.shared.transaction.model.Transaction;
import org.serverlessloyalty.shared.transaction.model.TransactionOutcome;
import org.serverlessloyalty.shared.transaction.model.TransactionRefusal;
import org.serverlessloyalty.shared.transaction.model.TransactionSettings;
import org.serverlessloyalty.shared.transaction.port.TransactionRepository;
import org.serverlessloyalty.shared.transaction.service.Transactions;

/** Transactions on the in-process DynamoDB: T1 under concurrency, earning once, returns capped (T5, item 9). */
class TransactionsIT {

    private static final LocalTable TABLE = LocalTable.create();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    private final StoreZone store = new StoreZone(new StoreCode("t" + UUID.randomUUID().toString().substring(0, 8)),
            ZoneId.of("Europe/Paris"));
    private final InMemoryMembers members = new InMemoryMembers();
    private final List<MemberRef> all = new CopyOnWriteArrayList<>();
    private final AtomicReference<PointsSettings> pointsSettings = new AtomicReference<>(PointsSettings.DEFAULTS);
    private final AtomicReference<TransactionSettings> settings = new AtomicReference<>(new TransactionSettings(
            TransactionSettings.DEFAULTS.identificationPriority(), true, Set.of(),
            TransactionSettings.DEFAULTS.orderPointsSource(), false, false));
    private final List<String> recalculated = new CopyOnWriteArrayList<>();
    private final List<String> purchases = new CopyOnWriteArrayList<>();
    private final AtomicBoolean crashAfterTheLot = new AtomicBoolean();
    private DynamoDbPointsLedger ledger;
    private DynamoDbTransactionRepository repository;
    private Transactions transactions;
    private PointsAccounts accounts;

    @BeforeEach
    void setUp() {
        ledger = new DynamoDbPointsLedger(TABLE.client(), TABLE.name(), clock);
        repository = new DynamoDbTransactionRepository(TABLE.client(), TABLE.name());
        // The function stopping between the lot and its record: a proxy failing recordEarned once when told to.
        TransactionRepository crashing = (TransactionRepository) Proxy.newProxyInstance(
                TransactionRepository.class.getClassLoader(), new Class<?>[] {TransactionRepository.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("recordEarned") && crashAfterTheLot.getAndSet(false)) {
                        throw new IllegalStateException("the function stopped here");
                    }
                    try {
                        return method.invoke(repository, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        PointsTransfers transfers = new PointsTransfers(ledger, members, s -> pointsSettings.get(), clock);
        EventEarning events = new EventEarning() {
            @Override
            public BigDecimal award(StoreZone s, String memberId, String eventName, String occasion) {
                return BigDecimal.ZERO;
            }

            @Override
            public void purchased(StoreZone s, String memberId, String transactionId, boolean first) {
                purchases.add(transactionId + (first ? " first" : ""));
            }
        };
        transactions = new Transactions(crashing, s -> settings.get(), TransactionFixtures.shoppers(members, all),
                TransactionFixtures.ONE_POINT_PER_UNIT, (s, id) -> Optional.empty(), transfers, ledger,
                new Idempotency(new DynamoDbIdempotencyStore(TABLE.client(), TABLE.name()), clock),
                (s, id) -> recalculated.add(id), events, clock);
        accounts = new PointsAccounts(ledger, clock);
        member("alice");
    }

    private MemberRef member(String id) {
        MemberRef m = members.add(store.code(), id);
        all.add(m);
        return m;
    }

    private BigDecimal balance(String memberId) {
        return accounts.status(store, memberId).points().value();
    }

    private Transaction registered(Transaction draft) {
        TransactionOutcome outcome = transactions.register(store, draft);
        assertThat(outcome).isInstanceOf(TransactionOutcome.Done.class);
        return ((TransactionOutcome.Done) outcome).transaction();
    }

    @Test
    void concurrentRegistrationsOfOneDocumentNumberMakeOneTransaction() throws Exception {
        List<Callable<TransactionOutcome>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> transactions.register(store, sale("DOC-RACE", "50", "alice@example.com")));
        }
        List<TransactionOutcome> outcomes = runAll(tasks);

        assertThat(outcomes).filteredOn(TransactionOutcome.Done.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !(o instanceof TransactionOutcome.Done))
                .allMatch(o -> o.equals(new TransactionOutcome.Refused(TransactionRefusal.DOCUMENT_NOT_UNIQUE)));
        assertThat(repository.ofMember(store.code(), "alice")).hasSize(1);
        assertThat(balance("alice")).isEqualByComparingTo("50");
    }

    @Test
    void aSecondRegistrationOfADocumentNumberIsRefusedWithOpenLoyaltysMessage() {
        registered(sale("DOC-1", "10", null));
        assertThat(transactions.register(store, sale("DOC-1", "10", null)))
                .isEqualTo(new TransactionOutcome.Refused(TransactionRefusal.DOCUMENT_NOT_UNIQUE));
        assertThat(TransactionRefusal.DOCUMENT_NOT_UNIQUE.message()).isEqualTo("Document number should be unique");
    }

    @Test
    void aSaleMatchedByUpperCasedEmailEarnsOnceHoweverOftenItIsFinished() {
        Transaction tx = registered(sale("DOC-2", "42.50", "ALICE@EXAMPLE.COM"));
        assertThat(tx.memberId()).isEqualTo("alice");
        for (int i = 0; i < 3; i++) {
            transactions.finish(store, repository.find(store.code(), tx.id()).orElseThrow());
            transactions.registerOnce(store, sale("DOC-2", "42.50", "alice@example.com"), null);
        }
        assertThat(balance("alice")).isEqualByComparingTo("42.50");
        assertThat(repository.find(store.code(), tx.id()).orElseThrow().pointsEarned()).isEqualByComparingTo("42.50");
        assertThat(recalculated).contains("alice");
        assertThat(purchases).containsExactly(tx.id() + " first");
    }

    @Test
    void anEarningCutShortBetweenTheLotAndItsRecordIsFinishedWithoutEarningTwice() {
        crashAfterTheLot.set(true);
        try {
            transactions.register(store, sale("DOC-3", "30", "alice@example.com"));
        } catch (IllegalStateException expected) {
            // the crash
        }
        Transaction half = repository.findByDocument(store.code(), "DOC-3").orElseThrow();
        assertThat(half.pointsEarned()).isNull();
        assertThat(balance("alice")).isEqualByComparingTo("30");

        transactions.registerOnce(store, sale("DOC-3", "30", "alice@example.com"), null);

        assertThat(balance("alice")).isEqualByComparingTo("30");
        assertThat(repository.findByDocument(store.code(), "DOC-3").orElseThrow().pointsEarned())
                .isEqualByComparingTo("30");
    }

    @Test
    void anEarningCutShortAndFinishedDaysLaterWhenItsClaimHasExpiredStillEarnsOnce() {
        crashAfterTheLot.set(true);
        try {
            transactions.register(store, sale("DOC-9", "30", "alice@example.com"));
        } catch (IllegalStateException expected) {
            // the crash
        }
        assertThat(balance("alice")).isEqualByComparingTo("30");
        clock.advance(java.time.Duration.ofDays(3)); // the earning claim (an Idempotency-Key record) lives 24 h

        transactions.registerOnce(store, sale("DOC-9", "30", "alice@example.com"), null);

        assertThat(balance("alice")).isEqualByComparingTo("30");
        assertThat(repository.findByDocument(store.code(), "DOC-9").orElseThrow().pointsEarned())
                .isEqualByComparingTo("30");
    }

    @Test
    void anInactiveMemberIsNotMatchedAndAnUnmatchedSaleEarnsWhenAssigned() {
        MemberRef bob = members.add(store.code(), "bob");
        MemberRef inactive = new MemberRef(store.code(), "bob", "inactive", bob.email(), bob.phone(),
                bob.loyaltyCardNumber(), bob.firstName(), bob.lastName());
        members.add(inactive);
        all.add(inactive);
        Transaction tx = registered(sale("DOC-4", "20", "bob@example.com"));
        assertThat(tx.memberId()).isNull();

        assertThat(transactions.assign(store, "DOC-4", "alice")).isInstanceOf(TransactionOutcome.Done.class);
        assertThat(transactions.assign(store, "DOC-4", "alice"))
                .isEqualTo(new TransactionOutcome.Refused(TransactionRefusal.ALREADY_ASSIGNED));
        assertThat(balance("alice")).isEqualByComparingTo("20");
    }

    @Test
    void aReturnRevokesItsShareOnceEvenWhenFinishedAgain() {
        registered(sale("S-1", "100", "alice@example.com"));
        Transaction ret = registered(returnOf("R-1", "S-1", "-25", "alice@example.com"));
        transactions.finish(store, ret);
        transactions.finish(store, ret);

        assertThat(balance("alice")).isEqualByComparingTo("75");
        Transaction sale = repository.findByDocument(store.code(), "S-1").orElseThrow();
        assertThat(transactions.pointsRevoked(store.code(), sale)).isEqualByComparingTo("25");
    }

    @Test
    void cancelAfterPartialReturnsNeverRevokesMoreThanEarned() {
        member("other");
        // Other points the member holds: an uncapped revocation would take them.
        registered(sale("S-0", "500", "alice@example.com"));
        Transaction sale = registered(sale("S-2", "100", "alice@example.com"));
        registered(returnOf("R-2a", "S-2", "-30", null));
        registered(returnOf("R-2b", "S-2", "-45", null));
        Transaction current = repository.find(store.code(), sale.id()).orElseThrow();

        assertThat(transactions.revokeRest(store, current, "cancel-S-2")).isEqualByComparingTo("25");
        assertThat(transactions.revokeRest(store, current, "cancel-S-2")).isZero();
        registered(returnOf("R-2c", "S-2", "-100", null));

        assertThat(ledger.tally(store.code(), new TallyKey.Revoked(sale.id()))).isEqualByComparingTo("100");
        assertThat(balance("alice")).isEqualByComparingTo("500");
    }

    @Test
    void concurrentReturnsOfMoreThanTheSaleRevokeAtMostWhatItEarned() throws Exception {
        registered(sale("S-5", "500", "alice@example.com"));
        Transaction sale = registered(sale("S-3", "100", "alice@example.com"));
        List<Callable<TransactionOutcome>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String doc = "R-3-" + i;
            tasks.add(() -> transactions.register(store, returnOf(doc, "S-3", "-40", null)));
        }
        runAll(tasks);

        assertThat(ledger.tally(store.code(), new TallyKey.Revoked(sale.id()))).isEqualByComparingTo("100");
        assertThat(balance("alice")).isEqualByComparingTo("500");
    }

    @Test
    void aFullReturnWhileTheSalesPointsArePendingCancelsThem() {
        pointsSettings.set(new PointsSettings(ExpiryMode.AFTER_X_DAYS, 90, 14,
                PointsSettings.DEFAULTS.earningStatuses(), PointsSettings.DEFAULTS.spendingStatuses(), false));
        Transaction sale = registered(sale("S-4", "80", "alice@example.com"));
        assertThat(balance("alice")).isZero();

        registered(returnOf("R-4", "S-4", "-80", null));
        clock.advance(Duration.ofDays(20));

        assertThat(balance("alice")).isZero();
        Transaction after = repository.find(store.code(), sale.id()).orElseThrow();
        assertThat(transactions.pointsRevoked(store.code(), after)).isEqualByComparingTo("80");
    }

    @Test
    void returnsNeedTheSettingAnExistingSaleAndItsOwner() {
        member("carol");
        registered(sale("S-6", "10", "alice@example.com"));
        registered(returnOf("R-6", "S-6", "-1", null));
        assertThat(transactions.register(store, returnOf("R-7", "NOPE", "-1", null)))
                .isEqualTo(new TransactionOutcome.Refused(TransactionRefusal.REVISED_NOT_FOUND));
        assertThat(transactions.register(store, returnOf("R-8", "R-6", "-1", null)))
                .isEqualTo(new TransactionOutcome.Refused(TransactionRefusal.REVISED_WRONG_TYPE));
        assertThat(transactions.register(store, returnOf("R-9", "S-6", "-1", "carol@example.com")))
                .isEqualTo(new TransactionOutcome.Refused(TransactionRefusal.REVISED_WRONG_OWNER));
        settings.set(TransactionSettings.DEFAULTS);
        assertThat(transactions.register(store, returnOf("R-10", "S-6", "-1", null)))
                .isEqualTo(new TransactionOutcome.Refused(TransactionRefusal.RETURNS_DISABLED));
    }

    @Test
    void memberTotalsFollowRuleT6() {
        registered(sale("S-7", "9", "alice@example.com"));
        registered(returnOf("R-7a", "S-7", "-9", null));
        registered(sale("S-8", "9", "alice@example.com"));
        registered(returnOf("R-8a", "S-8", "-3", null));

        var totals = new org.serverlessloyalty.shared.transaction.service.MemberTransactionTotals(
                transactions.repository(), s -> settings.get()).totals(store.code(), "alice", Set.of(), Set.of());
        assertThat(totals.count()).isEqualTo(1);
        assertThat(totals.amount()).isEqualByComparingTo("6");
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
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
