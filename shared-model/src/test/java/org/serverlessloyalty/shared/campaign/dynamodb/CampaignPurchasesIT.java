package org.serverlessloyalty.shared.campaign.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.serverlessloyalty.local.dynamodb.LocalDynamoDb;
import org.serverlessloyalty.shared.campaign.model.BuyOrder;
import org.serverlessloyalty.shared.campaign.model.BuyOutcome;
import org.serverlessloyalty.shared.campaign.model.BuyRefusal;
import org.serverlessloyalty.shared.campaign.model.BuyRole;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.port.CouponEvents;
import org.serverlessloyalty.shared.campaign.service.CampaignPurchases;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.fakes.InMemoryMembers;
import org.serverlessloyalty.shared.giftcode.dynamodb.GiftCodeKeys;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.platform.idempotency.Claim;
import org.serverlessloyalty.shared.platform.idempotency.Idempotency;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyKey;
import org.serverlessloyalty.shared.platform.idempotency.IdempotencyScope;
import org.serverlessloyalty.shared.platform.idempotency.StoredAnswer;
import org.serverlessloyalty.shared.platform.idempotency.dynamodb.DynamoDbIdempotencyStore;
import org.serverlessloyalty.shared.points.dynamodb.DynamoDbPointsLedger;
import org.serverlessloyalty.shared.points.model.AddPoints;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferOutcome;
import org.serverlessloyalty.shared.points.rules.Fifo;
import org.serverlessloyalty.shared.points.service.PointsTransfers;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.testing.DynamoDbFaults;
import org.serverlessloyalty.shared.testing.FastRetries;
import org.serverlessloyalty.shared.testing.LocalTable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A reward purchase at the adapter, on the in-process DynamoDB (section 4 item 1): one transaction per purchase
 * takes the pool code, the counts, the points, writes the reward and its gift code. Every rush runs without and with
 * the engine's fault modes (on only while it runs): the same outcome, nothing double-issued or double-charged.
 */
class CampaignPurchasesIT {

    private static final LocalDynamoDb ENGINE = LocalDynamoDb.start(0, null);
    private static final LocalTable TABLE = LocalTable.createIn(ENGINE, FastRetries.builder());
    private static final String LEVEL = "0b0e6c1c-1111-4111-8111-000000000001";

    private StoreZone store;
    private InMemoryMembers members;
    private DynamoDbPointsLedger ledger;
    private PointsTransfers points;
    private CampaignPurchases purchases;
    private Idempotency idempotency;

    @BeforeEach
    void wire() {
        Clock clock = Clock.systemUTC();
        store = new StoreZone(new StoreCode("b" + UUID.randomUUID().toString().substring(0, 8)),
                ZoneId.of("Europe/Paris"));
        members = new InMemoryMembers();
        ledger = new DynamoDbPointsLedger(TABLE.client(), TABLE.name(), clock);
        points = new PointsTransfers(ledger, members, s -> PointsSettings.DEFAULTS, clock);
        purchases = new CampaignPurchases(new DynamoDbCampaignRepository(TABLE.client(), TABLE.name(), clock),
                new DynamoDbPurchaseStore(TABLE.client(), TABLE.name(), clock), members,
                (s, id) -> Optional.of(new Audience(id, "active", LEVEL, Set.of())), ledger, s -> PointsSettings.DEFAULTS,
                // Only a percentage code reads a transaction: none here.
                null, CouponEvents.NONE, (s, id) -> { }, clock);
        idempotency = new Idempotency(new DynamoDbIdempotencyStore(TABLE.client(), TABLE.name()), clock);
    }

    @AfterAll
    static void stop() {
        ENGINE.close();
    }

    @Test
    void aPurchaseTakesTheFirstFreeCodeThePointsAndWritesTheRewardAndItsGiftCodeInOneTransaction() {
        String jane = member("100");
        Campaign c = campaign(new BigDecimal("30"), true, null, null, 3);

        BuyOutcome outcome = buy(jane, c, 1);

        Purchase p = bought(outcome).get(0);
        assertThat(p.code()).isEqualTo("C-001");
        assertThat(p.costInPoints()).isEqualByComparingTo("30");
        assertThat(p.balanceAfter()).isEqualByComparingTo("70");
        // C21: daysValid 30 from the purchase.
        assertThat(p.activeTo()).isEqualTo(p.purchasedAt().plus(java.time.Duration.ofDays(30)));
        assertThat(balance(jane)).isEqualByComparingTo("70");
        assertThat(CampaignItems.freeLeft(TABLE.client(), TABLE.name(), store.code(), c.id())).isEqualTo(2);
        Map<String, AttributeValue> campaign = TABLE.client().getItem(b -> b.tableName(TABLE.name())
                .key(CampaignKeys.campaign(store.code(), c.id()))).item();
        assertThat(CampaignItemMapper.counters(campaign)).isEqualTo(
                new org.serverlessloyalty.shared.campaign.model.CampaignCounters(1, 2, 1));
        Map<String, AttributeValue> code = TABLE.client().getItem(b -> b.tableName(TABLE.name())
                .key(GiftCodeKeys.code(store.code(), CodeValue.of("C-001")))).item();
        assertThat(code.get(GiftCodeKeys.REWARD_MEMBER_ID).s()).isEqualTo(jane);
        assertThat(code.get(GiftCodeKeys.REWARD_COUPON_ID).s()).isEqualTo(p.couponId());
        assertThat(code.get("numberOfUsage").n()).isEqualTo("1");
        assertThat(CampaignItems.rewards(TABLE.client(), TABLE.name(), store.code(), jane)).hasSize(1);
        // C22: the spend names the campaign and the coupon.
        assertThat(ledger.transfers(store.code(), jane)).anyMatch(t -> "Mug, coupon: C-001".equals(t.comment()));
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void fiftyMembersBuyingAtOnceFromAPoolOfTenGetExactlyTenDistinctCouponsAndTheOthersLoseNoPoints(
            DynamoDbFaults faults) throws Exception {
        Campaign c = campaign(new BigDecimal("10"), true, null, null, 10);
        List<String> buyers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            buyers.add(member("25"));
        }
        List<BuyOutcome> outcomes = rush(faults, "fifty members, pool of ten", buyers.stream()
                .map(m -> (Callable<BuyOutcome>) () -> buy(m, c, 1)).toList());

        List<Purchase> bought = outcomes.stream().filter(BuyOutcome.Bought.class::isInstance)
                .flatMap(o -> ((BuyOutcome.Bought) o).purchases().stream()).toList();
        assertThat(bought).hasSize(10);
        assertThat(bought.stream().map(Purchase::code).distinct()).hasSize(10);
        assertThat(outcomes.stream().filter(BuyOutcome.Refused.class::isInstance))
                .hasSize(40).allMatch(o -> ((BuyOutcome.Refused) o).refusal() == BuyRefusal.NO_COUPONS_LEFT);
        Set<String> winners = new HashSet<>(bought.stream().map(Purchase::memberId).toList());
        for (String m : buyers) {
            assertThat(balance(m)).isEqualByComparingTo(winners.contains(m) ? "15" : "25");
        }
        assertThat(CampaignItems.freeLeft(TABLE.client(), TABLE.name(), store.code(), c.id())).isZero();
        assertThat(counters(c)).isEqualTo(new org.serverlessloyalty.shared.campaign.model.CampaignCounters(10, 0, 10));
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void oneMemberWithPointsForThreeBuyingTenTimesAtOnceGetsExactlyThree(DynamoDbFaults faults) throws Exception {
        String jane = member("35");
        Campaign c = campaign(new BigDecimal("10"), true, null, null, 20);
        List<Callable<BuyOutcome>> tries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tries.add(() -> buy(jane, c, 1));
        }
        List<BuyOutcome> outcomes = rush(faults, "one member, points for three, ten buys", tries);

        assertThat(outcomes.stream().filter(BuyOutcome.Bought.class::isInstance)).hasSize(3);
        assertThat(outcomes.stream().filter(BuyOutcome.Refused.class::isInstance))
                .hasSize(7).allMatch(o -> ((BuyOutcome.Refused) o).refusal() == BuyRefusal.NOT_ENOUGH_POINTS);
        assertThat(balance(jane)).isEqualByComparingTo("5");
        assertThat(CampaignItems.rewards(TABLE.client(), TABLE.name(), store.code(), jane)).hasSize(3);
        assertThat(counters(c).issued()).isEqualTo(3);
        assertThat(purchasesStore().memberIssued(store.code(), c.id(), jane)).isEqualTo(3);
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void aQuantityOfFiveThatCannotBeServedWholeIssuesNothingAndTakesNothing(DynamoDbFaults faults) throws Exception {
        String jane = member("100");
        String john = member("100");
        Campaign c = campaign(new BigDecimal("10"), true, null, null, 6);
        // John takes two at the same moment as Jane asks for five: one of them cannot be served whole.
        List<BuyOutcome> outcomes = rush(faults, "quantity five against a pool of six", List.of(
                () -> buy(jane, c, 5), () -> buy(john, c, 2)));

        long issued = outcomes.stream().filter(BuyOutcome.Bought.class::isInstance)
                .mapToLong(o -> ((BuyOutcome.Bought) o).purchases().size()).sum();
        assertThat(issued).isIn(2L, 5L);
        assertThat(outcomes).anyMatch(o -> o instanceof BuyOutcome.Refused r
                && r.refusal() == BuyRefusal.NO_COUPONS_LEFT);
        BigDecimal janeBalance = balance(jane);
        BigDecimal johnBalance = balance(john);
        if (issued == 2) {
            assertThat(janeBalance).isEqualByComparingTo("100");
            assertThat(johnBalance).isEqualByComparingTo("80");
            assertThat(CampaignItems.rewards(TABLE.client(), TABLE.name(), store.code(), jane)).isEmpty();
        } else {
            assertThat(janeBalance).isEqualByComparingTo("50");
            assertThat(johnBalance).isEqualByComparingTo("100");
            assertThat(CampaignItems.rewards(TABLE.client(), TABLE.name(), store.code(), john)).isEmpty();
        }
        assertThat(CampaignItems.freeLeft(TABLE.client(), TABLE.name(), store.code(), c.id())).isEqualTo(6 - issued);
        assertThat(counters(c).issued()).isEqualTo(issued);
    }

    @Test
    void aQuantityLargerThanThePoolIsRefusedWhole() {
        String jane = member("100");
        Campaign c = campaign(new BigDecimal("10"), true, null, null, 4);

        assertThat(buy(jane, c, 5)).isEqualTo(new BuyOutcome.Refused(BuyRefusal.NO_COUPONS_LEFT));
        assertThat(balance(jane)).isEqualByComparingTo("100");
        assertThat(CampaignItems.freeLeft(TABLE.client(), TABLE.name(), store.code(), c.id())).isEqualTo(4);
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void thePerMemberLimitHoldsUnderConcurrentBuysOfTheSameMember(DynamoDbFaults faults) throws Exception {
        String jane = member("1000");
        Campaign c = campaign(new BigDecimal("10"), false, 100, 2, 20);
        List<Callable<BuyOutcome>> tries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tries.add(() -> buy(jane, c, 1));
        }
        List<BuyOutcome> outcomes = rush(faults, "per-member limit of two, ten buys", tries);

        assertThat(outcomes.stream().filter(BuyOutcome.Bought.class::isInstance)).hasSize(2);
        assertThat(outcomes.stream().filter(BuyOutcome.Refused.class::isInstance)).hasSize(8)
                .allMatch(o -> ((BuyOutcome.Refused) o).refusal() == BuyRefusal.LIMIT_PER_CUSTOMER_EXCEEDED);
        assertThat(balance(jane)).isEqualByComparingTo("980");
        assertThat(purchasesStore().memberIssued(store.code(), c.id(), jane)).isEqualTo(2);
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void theCampaignLimitHoldsUnderARushOfMembers(DynamoDbFaults faults) throws Exception {
        Campaign c = campaign(new BigDecimal("1"), false, 4, 1, 20);
        List<Callable<BuyOutcome>> tries = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String m = member("10");
            tries.add(() -> buy(m, c, 1));
        }
        List<BuyOutcome> outcomes = rush(faults, "campaign limit of four, twelve members", tries);

        assertThat(outcomes.stream().filter(BuyOutcome.Bought.class::isInstance)).hasSize(4);
        assertThat(outcomes.stream().filter(BuyOutcome.Refused.class::isInstance)).hasSize(8)
                .allMatch(o -> ((BuyOutcome.Refused) o).refusal() == BuyRefusal.LIMIT_EXCEEDED);
        assertThat(counters(c)).isEqualTo(new org.serverlessloyalty.shared.campaign.model.CampaignCounters(4, 16, 4));
    }

    @ParameterizedTest(name = "faults {0}")
    @EnumSource(DynamoDbFaults.class)
    void theSameIdempotencyKeySentConcurrentlyBuysOnceAndEveryAnswerIsTheFirst(DynamoDbFaults faults)
            throws Exception {
        String jane = member("100");
        Campaign c = campaign(new BigDecimal("10"), true, null, null, 10);
        List<Callable<BuyOutcome>> tries = new ArrayList<>();
        List<StoredAnswer> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 6; i++) {
            tries.add(() -> {
                Idempotency.Result<BuyOutcome> result = idempotency.run(
                        new IdempotencyScope(store.code().value(), "POST buy"), Optional.of(new IdempotencyKey("k-1")),
                        "same-body", CampaignPurchasesIT::render,
                        claim -> purchases.buy(store, "en", order(jane, c, 1), claim));
                answers.add(result instanceof Idempotency.Result.Fresh<BuyOutcome> f ? render(f.result())
                        : ((Idempotency.Result.Replayed<BuyOutcome>) result).answer());
                return null;
            });
        }
        rush(faults, "one Idempotency-Key six times at once", tries);

        assertThat(answers).hasSize(6);
        assertThat(new HashSet<>(answers)).hasSize(1);
        assertThat(balance(jane)).isEqualByComparingTo("90");
        assertThat(CampaignItems.rewards(TABLE.client(), TABLE.name(), store.code(), jane)).hasSize(1);
        assertThat(counters(c).issued()).isEqualTo(1);
    }

    @Test
    void aSingleCouponCampaignGivesEveryBuyerTheFirstCodeAsOneSharedGiftCode() {
        String jane = member("100");
        String john = member("100");
        Campaign c = CampaignItems.campaign(store.code(), "Mug", BigDecimal.ONE, false, 10, 5, true, LEVEL);
        CampaignItems.put(TABLE.client(), TABLE.name(), c, List.of("WELCOME", "OTHER"));

        assertThat(bought(buy(jane, c, 2))).extracting(Purchase::code).containsExactly("WELCOME", "WELCOME");
        assertThat(bought(buy(john, c, 1))).extracting(Purchase::code).containsExactly("WELCOME");
        assertThat(counters(c)).isEqualTo(new org.serverlessloyalty.shared.campaign.model.CampaignCounters(3, 2, 2));
        Map<String, AttributeValue> code = TABLE.client().getItem(b -> b.tableName(TABLE.name())
                .key(GiftCodeKeys.code(store.code(), CodeValue.of("WELCOME")))).item();
        assertThat(code).doesNotContainKey(GiftCodeKeys.REWARD_COUPON_ID);
        assertThat(code.get("numberOfUsage").n()).isEqualTo("10");
    }

    @Test
    void aCustomerCannotBuyACampaignThatDoesNotTargetTheirLevelButTheAdminCan() {
        String jane = member("100");
        Campaign c = CampaignItems.campaign(store.code(), "Mug", BigDecimal.ONE, true, null, null, false,
                "0b0e6c1c-1111-4111-8111-0000000000ff");
        CampaignItems.put(TABLE.client(), TABLE.name(), c, CampaignItems.codes("T", 2));

        assertThat(purchases.buy(store, "en", new BuyOrder(BuyRole.CUSTOMER, jane, c.id(), 1, false, null),
                Claim.none())).isEqualTo(new BuyOutcome.Refused(BuyRefusal.NOT_FOUND));
        assertThat(purchases.buy(store, "en", new BuyOrder(BuyRole.ADMIN, jane, c.id(), 1, true, null),
                Claim.none())).isInstanceOf(BuyOutcome.Bought.class);
        // withoutPoints: nothing taken, the reward records cost 0 (C16).
        assertThat(balance(jane)).isEqualByComparingTo("100");
    }

    // ------------------------------------------------------------------ helpers

    private List<BuyOutcome> rush(DynamoDbFaults faults, String name, List<Callable<BuyOutcome>> tries)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tries.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<BuyOutcome>> futures = new ArrayList<>();
        DynamoDbFaults.Run run = faults.start(ENGINE);
        try {
            for (Callable<BuyOutcome> t : tries) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return t.call();
                }));
            }
            go.countDown();
            List<BuyOutcome> outcomes = new ArrayList<>();
            for (Future<BuyOutcome> f : futures) {
                outcomes.add(f.get(120, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            run.close();
            pool.shutdownNow();
            run.record("CampaignPurchasesIT: " + name);
        }
    }

    private BuyOutcome buy(String memberId, Campaign c, int quantity) {
        return purchases.buy(store, "en", order(memberId, c, quantity), Claim.none());
    }

    private static BuyOrder order(String memberId, Campaign c, int quantity) {
        return new BuyOrder(BuyRole.CUSTOMER, memberId, c.id(), quantity, false, null);
    }

    private static StoredAnswer render(BuyOutcome outcome) {
        return outcome instanceof BuyOutcome.Bought b
                ? new StoredAnswer(200, b.purchases().stream().map(p -> p.code() + "/" + p.couponId()).toList().toString())
                : new StoredAnswer(400, ((BuyOutcome.Refused) outcome).refusal().message());
    }

    private Campaign campaign(BigDecimal cost, boolean unlimited, Integer limit, Integer limitPerUser, int pool) {
        Campaign c = CampaignItems.campaign(store.code(), "Mug", cost, unlimited, limit, limitPerUser, false, LEVEL);
        CampaignItems.put(TABLE.client(), TABLE.name(), c, CampaignItems.codes("C", pool));
        return c;
    }

    private String member(String balance) {
        String id = UUID.randomUUID().toString();
        members.add(store.code(), id);
        TransferOutcome added = points.add(store, new AddPoints(id, new BigDecimal(balance), null, Issuer.ADMIN, null),
                Claim.none());
        assertThat(added).isInstanceOf(TransferOutcome.Done.class);
        return id;
    }

    private BigDecimal balance(String memberId) {
        return Fifo.balance(ledger.account(store.code(), memberId), java.time.Instant.now()).value();
    }

    private org.serverlessloyalty.shared.campaign.model.CampaignCounters counters(Campaign c) {
        return CampaignItemMapper.counters(TABLE.client().getItem(b -> b.tableName(TABLE.name())
                .key(CampaignKeys.campaign(store.code(), c.id())).consistentRead(true)).item());
    }

    private DynamoDbPurchaseStore purchasesStore() {
        return new DynamoDbPurchaseStore(TABLE.client(), TABLE.name(), Clock.systemUTC());
    }

    private static List<Purchase> bought(BuyOutcome outcome) {
        assertThat(outcome).isInstanceOf(BuyOutcome.Bought.class);
        return ((BuyOutcome.Bought) outcome).purchases();
    }
}
