package org.serverlessloyalty.shared.campaign.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.BoughtRewardQuery;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CouponUsage;
import org.serverlessloyalty.shared.campaign.model.DeliveryStatus;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.service.BoughtRewardService;
import org.serverlessloyalty.shared.giftcode.model.CodeValue;
import org.serverlessloyalty.shared.giftcode.model.ValidationReason;
import org.serverlessloyalty.shared.order.json.OrderReportJson;
import org.serverlessloyalty.shared.order.model.OrderReport;
import org.serverlessloyalty.shared.order.model.OrderSource;
import org.serverlessloyalty.shared.order.model.OrderStatus;
import org.serverlessloyalty.shared.order.model.Redemption;
import org.serverlessloyalty.shared.order.port.OrderLedger;
import org.serverlessloyalty.shared.store.dynamodb.DynamoDbStoreRepository;
import org.serverlessloyalty.shared.store.model.Store;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.store.service.StoreDirectory;
import org.serverlessloyalty.shared.testing.LocalTable;
import org.serverlessloyalty.shared.testing.OrderLedgers;
import org.serverlessloyalty.shared.testing.RewardFixtures;

/** Bought rewards on the in-process DynamoDB: their codes used by orders, marked used all-or-nothing, listed. */
class DynamoDbBoughtRewardsIT {

    private static final StoreCode SHOP = new StoreCode("bought");
    private static final CampaignId CAMPAIGN = new CampaignId(UUID.randomUUID().toString());
    private static final Instant NOW = Instant.now();
    private static LocalTable table;
    private static DynamoDbBoughtRewards rewards;
    private static BoughtRewardService service;
    private static OrderLedger orders;
    private static RewardFixtures fixtures;

    @BeforeAll
    static void start() {
        table = LocalTable.create();
        rewards = new DynamoDbBoughtRewards(table.client(), table.name());
        service = new BoughtRewardService(rewards,
                new DynamoDbCampaignRepository(table.client(), table.name(), Clock.systemUTC()), Clock.systemUTC());
        orders = OrderLedgers.onDynamoDb(table.client(), table.name(), Clock.systemUTC());
        fixtures = new RewardFixtures(table.client(), table.name());
        new StoreDirectory(new DynamoDbStoreRepository(table.client(), table.name()), Clock.systemUTC())
                .create(new Store(SHOP, "Bought shop", Currency.getInstance("EUR"), ZoneId.of("Europe/Paris"),
                        Locale.FRENCH, true, null, null, null));
    }

    private static Purchase reward(String member) {
        return reward(member, NOW.minus(Duration.ofHours(1)), null, null);
    }

    private static Purchase reward(String member, Instant purchasedAt, Instant activeSince, Instant activeTo) {
        String code = "RW-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase(Locale.ROOT);
        return fixtures.write(SHOP, RewardFixtures.purchase(member, CAMPAIGN, code, purchasedAt, activeSince,
                activeTo));
    }

    private static Purchase read(Purchase p) {
        return rewards.find(SHOP, p.memberId(), p.couponId()).orElseThrow().purchase();
    }

    private static OrderReport order(String orderId, String customer, String code) {
        return new OrderReport(SHOP, orderId, OrderSource.CIBLER, OrderStatus.PAID, customer,
                OffsetDateTime.now(), new BigDecimal("150.0"), new BigDecimal("20.00"), BigDecimal.ZERO,
                new BigDecimal("30.00"), List.of(CodeValue.of(code)), List.of(), Map.of("email", "a@b.c"));
    }

    private static Redemption apply(OrderReport report) {
        orders.apply(report, OrderReportJson.contentHash(report));
        return orders.find(SHOP, report.orderId()).orElseThrow().redemptions().get(0);
    }

    private static CouponUsage row(int index, Purchase p, boolean used, String transactionId) {
        return new CouponUsage(index, p.memberId(), p.campaignId().value(), p.couponId(), p.code(), used,
                transactionId);
    }

    @Test
    void anOrderUsingARewardsCodeMarksTheRewardUsedAndASecondOrderIsRefusedTheCode() {
        String member = UUID.randomUUID().toString();
        Purchase p = reward(member);

        assertThat(apply(order("first-" + p.couponId(), member, p.code())).outcome())
                .isEqualTo(Redemption.Outcome.APPLIED);
        Purchase used = read(p);
        assertThat(used.used()).isTrue();
        assertThat(used.usedAt()).isNotNull();
        assertThat(used.usedForTransactionId()).isEqualTo("first-" + p.couponId());
        assertThat(used.canBeUsed(Instant.now())).isFalse();

        Redemption second = apply(order("second-" + p.couponId(), member, p.code()));
        assertThat(second.outcome()).isEqualTo(Redemption.Outcome.CONFLICT);
        assertThat(second.reason()).isEqualTo(ValidationReason.USAGE_EXHAUSTED);
        assertThat(read(p).usedForTransactionId()).isEqualTo("first-" + p.couponId());
    }

    @Test
    void aCancelledOrderGivesItsRewardBackWithTheCodesUse() {
        String member = UUID.randomUUID().toString();
        Purchase p = reward(member);
        OrderReport paid = order("cancel-" + p.couponId(), member, p.code());
        apply(paid);
        assertThat(read(p).used()).isTrue();

        OrderReport cancelled = new OrderReport(SHOP, paid.orderId(), paid.source(), OrderStatus.CANCELLED,
                paid.customerGuid(), paid.orderDate(), paid.totalSpent(), paid.taxes(), paid.shippingCost(),
                paid.discountAmount(), paid.giftCodes(), paid.lines(), paid.attributes());
        orders.apply(cancelled, OrderReportJson.contentHash(cancelled));

        assertThat(fixtures.usedCount(SHOP, p.code())).isZero();
        Purchase back = read(p);
        assertThat(back.used()).as("the code is usable again: so is its reward").isFalse();
        assertThat(back.usedForTransactionId()).isNull();
        assertThat(back.canBeUsed(Instant.now())).isTrue();
    }

    @Test
    void aCancelledOrderLeavesARewardMarkedByAnotherTransactionAlone() {
        String member = UUID.randomUUID().toString();
        Purchase p = reward(member);
        // Two uses: the order takes one, the till marks the reward (the code's second use).
        table.client().updateItem(b -> b.tableName(table.name()).key(org.serverlessloyalty.shared.giftcode.dynamodb
                        .GiftCodeKeys.code(SHOP, CodeValue.of(p.code())))
                .updateExpression("SET numberOfUsage = :two").expressionAttributeValues(Map.of(":two",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("2"))));
        service.markUsed(SHOP, List.of(row(0, p, true, "till-1")), false);
        OrderReport paid = order("other-" + p.couponId(), member, p.code());
        apply(paid);
        OrderReport refunded = new OrderReport(SHOP, paid.orderId(), paid.source(), OrderStatus.REFUNDED,
                paid.customerGuid(), paid.orderDate(), paid.totalSpent(), paid.taxes(), paid.shippingCost(),
                paid.discountAmount(), paid.giftCodes(), paid.lines(), paid.attributes());

        orders.apply(refunded, OrderReportJson.contentHash(refunded));

        assertThat(fixtures.usedCount(SHOP, p.code())).isEqualTo(1);
        assertThat(read(p).used()).isTrue();
        assertThat(read(p).usedForTransactionId()).isEqualTo("till-1");
    }

    @Test
    void markingARewardUsedUsesUpItsCodeSoCheckoutRefusesIt() {
        String member = UUID.randomUUID().toString();
        Purchase p = reward(member);

        var result = service.markUsed(SHOP, List.of(row(0, p, true, "till-7")), false);

        assertThat(result).isInstanceOf(BoughtRewardService.Marked.class);
        Purchase used = read(p);
        assertThat(used.used()).isTrue();
        assertThat(used.usedForTransactionId()).isEqualTo("till-7");
        // Section 4 item 14: no fulfilment tracking, so the delivery status is left as it was.
        assertThat(used.deliveryStatus()).isEqualTo(DeliveryStatus.ORDERED);
        assertThat(fixtures.usedCount(SHOP, p.code())).isEqualTo(1);
        Redemption atCheckout = apply(order("after-mark-" + p.couponId(), member, p.code()));
        assertThat(atCheckout.reason()).isEqualTo(ValidationReason.USAGE_EXHAUSTED);
    }

    @Test
    void adminUnmarkingGivesTheCodeBackAndTheNextOrderMarksItAgain() {
        String member = UUID.randomUUID().toString();
        Purchase p = reward(member);
        service.markUsed(SHOP, List.of(row(0, p, true, null)), false);

        assertThat(service.markUsed(SHOP, List.of(row(0, p, false, null)), false))
                .isInstanceOf(BoughtRewardService.Marked.class);

        assertThat(read(p).used()).isFalse();
        assertThat(read(p).usedAt()).isNull();
        assertThat(fixtures.usedCount(SHOP, p.code())).isZero();
        assertThat(apply(order("after-unmark-" + p.couponId(), member, p.code())).outcome())
                .isEqualTo(Redemption.Outcome.APPLIED);
        assertThat(read(p).usedForTransactionId()).isEqualTo("after-unmark-" + p.couponId());
    }

    @Test
    void aRequestWithOneRewardNotYetActiveMarksNothing() {
        String member = UUID.randomUUID().toString();
        Purchase usable = reward(member);
        Purchase inactive = reward(member, NOW, NOW.plus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(30)));

        var result = service.markUsed(SHOP, List.of(row(0, usable, true, null), row(1, inactive, true, null)), false);

        assertThat(result).isEqualTo(new BoughtRewardService.Refused(
                "No purchase available with given code in row 1"));
        assertThat(read(usable).used()).isFalse();
        assertThat(fixtures.usedCount(SHOP, usable.code())).isZero();
    }

    @Test
    void aRowNamingAnotherCodeOrCampaignFindsNoPurchase() {
        String member = UUID.randomUUID().toString();
        Purchase p = reward(member);
        CouponUsage wrongCode = new CouponUsage(0, member, p.campaignId().value(), p.couponId(), "OTHER", false, null);

        assertThat(service.markUsed(SHOP, List.of(wrongCode), false))
                .isEqualTo(new BoughtRewardService.Refused("No purchase found with given code in row 0"));
    }

    @Test
    void markingAUsedRewardUsedAgainIsASilentNoOp() {
        String member = UUID.randomUUID().toString();
        Purchase p = reward(member);
        service.markUsed(SHOP, List.of(row(0, p, true, "t1")), false);

        assertThat(service.markUsed(SHOP, List.of(row(0, p, true, "t2")), false))
                .isInstanceOf(BoughtRewardService.Marked.class);

        assertThat(read(p).usedForTransactionId()).isEqualTo("t1");
        assertThat(fixtures.usedCount(SHOP, p.code())).isEqualTo(1);
    }

    @Test
    void aCustomerMayNotMarkACouponUnused() {
        String member = UUID.randomUUID().toString();
        Purchase p = reward(member);

        assertThat(service.markUsed(SHOP, List.of(row(0, p, false, null)), true))
                .isEqualTo(new BoughtRewardService.Refused("Not allowed"));
    }

    @Test
    void anOrderAndAMarkRacingForOneRewardUseItOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String member = UUID.randomUUID().toString();
            Purchase p = reward(member);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Callable<Object>> racers = new ArrayList<>();
            racers.add(() -> apply(order("race-" + p.couponId(), member, p.code())));
            racers.add(() -> service.markUsed(SHOP, List.of(row(0, p, true, "till")), false));
            pool.invokeAll(racers).forEach(f -> {
                try {
                    f.get();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            pool.shutdown();

            assertThat(fixtures.usedCount(SHOP, p.code())).isEqualTo(1);
            Purchase after = read(p);
            assertThat(after.used()).isTrue();
            Redemption r = orders.find(SHOP, "race-" + p.couponId()).orElseThrow().redemptions().get(0);
            // Whoever won, the reward names the order only when the order took the code's use.
            assertThat(after.usedForTransactionId())
                    .isEqualTo(r.outcome() == Redemption.Outcome.APPLIED ? "race-" + p.couponId() : "till");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "faults {0}")
    @org.junit.jupiter.params.provider.EnumSource(org.serverlessloyalty.shared.testing.DynamoDbFaults.class)
    void marksAndOrdersRacingForOneRewardUnderFaultsUseItsCodeOnce(
            org.serverlessloyalty.shared.testing.DynamoDbFaults faults) throws Exception {
        String member = UUID.randomUUID().toString();
        Purchase p = reward(member);
        List<Callable<Object>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String till = "till-" + i;
            racers.add(() -> service.markUsed(SHOP, List.of(row(0, p, true, till)), false));
        }
        for (int i = 0; i < 2; i++) {
            String orderId = "faulted-" + i + "-" + p.couponId();
            racers.add(() -> apply(order(orderId, member, p.code())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        var run = faults.start(table.engine());
        try (run) {
            for (var f : pool.invokeAll(racers)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        if (faults == org.serverlessloyalty.shared.testing.DynamoDbFaults.RANDOM) {
            assertThat(run.counts().injected()).as("faults injected").isPositive();
        }

        assertThat(fixtures.usedCount(SHOP, p.code())).as("one use of the code, whoever won").isEqualTo(1);
        Purchase after = read(p);
        assertThat(after.used()).isTrue();
        long applied = 0;
        for (int i = 0; i < 2; i++) {
            var r = orders.find(SHOP, "faulted-" + i + "-" + p.couponId()).orElseThrow().redemptions().get(0);
            if (r.outcome() == Redemption.Outcome.APPLIED) {
                applied++;
                assertThat(after.usedForTransactionId()).isEqualTo("faulted-" + i + "-" + p.couponId());
            }
        }
        assertThat(applied).isLessThanOrEqualTo(1);
        if (applied == 0) {
            assertThat(after.usedForTransactionId()).startsWith("till-");
        }
    }

    @Test
    void theActiveToFilterFiltersOnActiveToNotActiveSince() {
        StoreCode store = new StoreCode("filters-" + UUID.randomUUID().toString().substring(0, 6));
        String member = UUID.randomUUID().toString();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        // Active since January, until March / until June.
        Purchase untilMarch = fixtures.write(store, RewardFixtures.purchase(member, CAMPAIGN, "", base,
                base, Instant.parse("2026-03-01T00:00:00Z")));
        Purchase untilJune = fixtures.write(store, RewardFixtures.purchase(member, CAMPAIGN, "", base.plusSeconds(60),
                base, Instant.parse("2026-06-01T00:00:00Z")));

        var query = new BoughtRewardQuery(null, null, null, null, null, null, null, null,
                Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z"), 1, 10);
        var page = rewards.ofStore(store, query);

        assertThat(page.rewards()).extracting(Purchase::couponId).containsExactly(untilJune.couponId());
        assertThat(page.total()).isEqualTo(1);
        assertThat(untilMarch.couponId()).isNotEqualTo(untilJune.couponId());
    }

    @Test
    void theStoreListFiltersByPurchaseDateUsedAndDeliveryAndPagesNewestFirst() {
        StoreCode store = new StoreCode("list-" + UUID.randomUUID().toString().substring(0, 6));
        String member = UUID.randomUUID().toString();
        Instant base = Instant.parse("2026-02-01T10:00:00Z");
        List<Purchase> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(fixtures.write(store, RewardFixtures.purchase(member, CAMPAIGN, "", base.plus(Duration.ofDays(i)),
                    null, null)));
        }
        rewards.changeDelivery(store, member, written.get(3).couponId(), DeliveryStatus.SHIPPED);

        var range = new BoughtRewardQuery(null, null, base.plus(Duration.ofDays(1)), base.plus(Duration.ofDays(3)),
                null, null, null, null, null, null, 1, 2);
        var page = rewards.ofStore(store, range);
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.rewards()).extracting(Purchase::couponId)
                .containsExactly(written.get(3).couponId(), written.get(2).couponId());

        var shipped = new BoughtRewardQuery(false, DeliveryStatus.SHIPPED, null, null, null, null, null, null, null,
                null, 1, 10);
        assertThat(rewards.ofStore(store, shipped).rewards()).extracting(Purchase::couponId)
                .containsExactly(written.get(3).couponId());
        assertThat(rewards.ofMember(store, member, BoughtRewardQuery.ofMember(null, 2, 2)).rewards()).hasSize(2);
        assertThat(rewards.ofMember(store, member, BoughtRewardQuery.ofMember(null, 1, 10)).total()).isEqualTo(5);

        List<Purchase> exported = new ArrayList<>();
        rewards.forEachOfStore(store, BoughtRewardQuery.ofMember(null, 1, 10), exported::addAll);
        assertThat(exported).extracting(Purchase::couponId)
                .containsExactlyElementsOf(written.stream().map(Purchase::couponId).toList());
    }

    @Test
    void changingTheDeliveryOfARewardThatDoesNotExistChangesNothing() {
        assertThat(rewards.changeDelivery(SHOP, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                DeliveryStatus.SHIPPED)).isFalse();
    }
}
