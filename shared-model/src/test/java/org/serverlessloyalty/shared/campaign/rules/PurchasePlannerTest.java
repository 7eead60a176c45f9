package org.serverlessloyalty.shared.campaign.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.BuyOrder;
import org.serverlessloyalty.shared.campaign.model.BuyOutcome;
import org.serverlessloyalty.shared.campaign.model.BuyRefusal;
import org.serverlessloyalty.shared.campaign.model.BuyRole;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignCounters;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignTranslation;
import org.serverlessloyalty.shared.campaign.model.CampaignWindow;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.model.PurchaseStatus;
import org.serverlessloyalty.shared.campaign.model.PurchaseStep;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.PoolCode;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.points.model.Issuer;
import org.serverlessloyalty.shared.points.model.LedgerStep;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.MemberSnapshot;
import org.serverlessloyalty.shared.points.model.Points;
import org.serverlessloyalty.shared.points.model.PointsSettings;
import org.serverlessloyalty.shared.points.model.PointsTransfer;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.model.TransferId;
import org.serverlessloyalty.shared.points.model.TransferType;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** The purchase's decision without DynamoDB: C16's order, C7, C18-C22, section 4 items 1 and 4. */
class PurchasePlannerTest {

    private static final StoreCode STORE = new StoreCode("shop");
    private static final StoreZone ZONE = new StoreZone(STORE, ZoneId.of("Europe/Paris"));
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String LEVEL = "level-gold";
    private static final MemberRef JANE = new MemberRef(STORE, "jane", "active", "jane@example.com", null, null,
            "Jane", "D");

    @Test
    void cashbackAndCustomCampaignsCannotBeBoughtManuallyWhateverElseHolds() {
        assertThat(refusal(situation(campaign(RewardType.CASHBACK).inactive().build(), "100"), customer(1)))
                .isEqualTo(BuyRefusal.NOT_BOUGHT_MANUALLY);
        assertThat(refusal(situation(campaign(RewardType.CUSTOM_CAMPAIGN_CODE).build(), "100"), customer(1)))
                .isEqualTo(BuyRefusal.NOT_BOUGHT_MANUALLY);
    }

    @Test
    void anInactiveCampaignIs404BeforeItsLimitsAreLookedAt() {
        Campaign c = campaign(RewardType.DISCOUNT_CODE).inactive().limited(1, 1).build();
        assertThat(refusal(situation(c, "100").issued(5), admin(1))).isEqualTo(BuyRefusal.NOT_FOUND);
    }

    @Test
    void sellerAndCustomerBuyOnlyWhatTargetsTheMemberSection4Item4TheAdminAnything() {
        Campaign c = campaign(RewardType.DISCOUNT_CODE).levels("level-silver").build();
        assertThat(refusal(situation(c, "100"), customer(1))).isEqualTo(BuyRefusal.NOT_FOUND);
        assertThat(refusal(situation(c, "100"), new BuyOrder(BuyRole.SELLER, "jane", c.id(), 1, false, null)))
                .isEqualTo(BuyRefusal.NOT_FOUND);
        assertThat(PurchasePlanner.buy(situation(c, "100").build(), admin(1), ids()))
                .isInstanceOf(PurchasePlanner.Decision.Write.class);
    }

    @Test
    void aSegmentOfTheMemberTargetsThemToo() {
        Campaign c = campaign(RewardType.DISCOUNT_CODE).levels().segments("vip").build();
        assertThat(PurchasePlanner.buy(situation(c, "100").segments("vip").build(), customer(1), ids()))
                .isInstanceOf(PurchasePlanner.Decision.Write.class);
    }

    @Test
    void limitsComeBeforeTheMembersStatusWhichComesBeforeThePointsC16() {
        Campaign c = campaign(RewardType.DISCOUNT_CODE).limited(10, 2).build();
        assertThat(refusal(situation(c, "0").issued(9).status("blocked"), customer(2)))
                .isEqualTo(BuyRefusal.LIMIT_EXCEEDED);
        assertThat(refusal(situation(c, "0").memberIssued(1).status("blocked"), customer(2)))
                .isEqualTo(BuyRefusal.LIMIT_PER_CUSTOMER_EXCEEDED);
        assertThat(refusal(situation(c, "0").status("blocked"), customer(2))).isEqualTo(BuyRefusal.NOT_ALLOWED);
        assertThat(refusal(situation(c, "19.99"), customer(2))).isEqualTo(BuyRefusal.NOT_ENOUGH_POINTS);
    }

    @Test
    void aLimitedCampaignWhosePoolRanOutSaysNoCouponsLeftOnlyAfterThePointsCheck() {
        Campaign c = campaign(RewardType.DISCOUNT_CODE).limited(10, 5).build();
        assertThat(refusal(situation(c, "5").pool(1), customer(2))).isEqualTo(BuyRefusal.NOT_ENOUGH_POINTS);
        assertThat(refusal(situation(c, "100").pool(1), customer(2))).isEqualTo(BuyRefusal.NO_COUPONS_LEFT);
    }

    @Test
    void anUnlimitedCampaignChecksItsPoolWithTheLimitsC18() {
        Campaign c = campaign(RewardType.DISCOUNT_CODE).build();
        assertThat(refusal(situation(c, "0").pool(1), customer(2))).isEqualTo(BuyRefusal.NO_COUPONS_LEFT);
    }

    @Test
    void aQuantityIsAllOrNothingFiveCodesFiveRewardsOneSpendOfTheWholeCost() {
        Campaign c = campaign(RewardType.DISCOUNT_CODE).build();
        PurchasePlanner.Decision.Write write = write(situation(c, "100").pool(6), customer(5));

        assertThat(write.purchases()).extracting(Purchase::code).containsExactly("C1", "C2", "C3", "C4", "C5");
        assertThat(steps(write, PurchaseStep.TakeFreeCode.class)).hasSize(5);
        assertThat(steps(write, PurchaseStep.Record.class)).hasSize(5);
        assertThat(steps(write, PurchaseStep.IssueCode.class)).hasSize(5);
        List<PurchaseStep.Spend> spends = steps(write, PurchaseStep.Spend.class);
        PointsTransfer spend = spends.stream().map(PurchaseStep.Spend::step).filter(LedgerStep.Create.class::isInstance)
                .map(s -> ((LedgerStep.Create) s).transfer()).findFirst().orElseThrow();
        assertThat(spend.value().value()).isEqualByComparingTo("50");
        assertThat(spend.comment()).isEqualTo("Mug, coupons: C1, C2, C3, C4, C5");
        assertThat(spend.issuer()).isEqualTo(Issuer.SYSTEM);
        assertThat(spends).anyMatch(s -> s.step() instanceof LedgerStep.CheckVersion);
        PurchaseStep.CountCampaign count = steps(write, PurchaseStep.CountCampaign.class).get(0);
        assertThat(count).isEqualTo(new PurchaseStep.CountCampaign(1, 5, null, 5, true));
        assertThat(write.purchases()).allSatisfy(p -> assertThat(p.balanceAfter()).isEqualByComparingTo("50"));
    }

    @Test
    void aPurchaseRecordGetsItsDatesFromDaysInactiveAndDaysValidC21() {
        Campaign c = campaign(RewardType.DISCOUNT_CODE).days(10, 20).build();
        Purchase p = write(situation(c, "100"), customer(1)).purchases().get(0);

        assertThat(p.activeSince()).isEqualTo(NOW.plus(Duration.ofDays(10)));
        assertThat(p.activeTo()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(p.status(NOW)).isEqualTo(PurchaseStatus.INACTIVE);
        assertThat(p.costInPoints()).isEqualByComparingTo("10");
    }

    @Test
    void theAdminBuysWithoutPointsNoSpendAndCostZero() {
        Campaign c = campaign(RewardType.DISCOUNT_CODE).build();
        PurchasePlanner.Decision.Write write = write(situation(c, "0"),
                new BuyOrder(BuyRole.ADMIN, "jane", c.id(), 1, true, null));
        assertThat(steps(write, PurchaseStep.Spend.class)).isEmpty();
        assertThat(write.purchases().get(0).costInPoints()).isEqualByComparingTo("0");
    }

    @Test
    void aPercentageCodeNeedsTheMembersTransactionAndAValueAboveZeroC7() {
        Campaign c = campaign(RewardType.PERCENTAGE_DISCOUNT_CODE).percent(15).build();
        assertThat(refusal(situation(c, "0"), new BuyOrder(BuyRole.ADMIN, "jane", c.id(), 1, false, null)))
                .isEqualTo(BuyRefusal.TRANSACTION_REQUIRED);
        assertThat(refusal(situation(c, "0").transaction("t1", "john", "100"),
                new BuyOrder(BuyRole.ADMIN, "jane", c.id(), 1, false, "t1"))).isEqualTo(BuyRefusal.INVALID_TRANSACTION);
        assertThat(refusal(situation(c, "0").transaction("t1", "jane", "3"),
                new BuyOrder(BuyRole.ADMIN, "jane", c.id(), 1, false, "t1"))).isEqualTo(BuyRefusal.GENERATED_VALUE_ZERO);
        PurchasePlanner.Decision.Write write = write(situation(c, "0").transaction("t1", "jane", "123.40"),
                new BuyOrder(BuyRole.ADMIN, "jane", c.id(), 4, false, "t1"));
        // round(123.40 × 15 / 100) = 19, quantity forced to 1.
        assertThat(write.purchases()).extracting(Purchase::code).containsExactly("19");
        assertThat(refusal(situation(c, "0").transaction("t1", "jane", "100"), customer(1)))
                .isEqualTo(BuyRefusal.NOT_FOUND);
    }

    @Test
    void aSingleCouponCampaignHandsItsFirstCodeToEveryCouponAndWritesItOnceAsASharedCode() {
        Campaign c = campaign(RewardType.DISCOUNT_CODE).single().build();
        PurchasePlanner.Decision.Write write = write(situation(c, "100").pool(0).first("WELCOME"), customer(3));
        assertThat(write.purchases()).extracting(Purchase::code).containsExactly("WELCOME", "WELCOME", "WELCOME");
        assertThat(steps(write, PurchaseStep.TakeFreeCode.class)).isEmpty();
        assertThat(steps(write, PurchaseStep.IssueCode.class)).hasSize(1).allMatch(PurchaseStep.IssueCode::shared);
    }

    @Test
    void theMemberUsageStepHoldsTheCountTheDecisionWasMadeOn() {
        Campaign c = campaign(RewardType.DISCOUNT_CODE).limited(10, 3).build();
        PurchasePlanner.Decision.Write write = write(situation(c, "100").memberIssued(2), customer(1));
        assertThat(steps(write, PurchaseStep.CountMember.class))
                .containsExactly(new PurchaseStep.CountMember("jane", 2, 1));
        assertThat(steps(write, PurchaseStep.CountCampaign.class).get(0).issuedAtMost()).isEqualTo(10L);
        assertThat(steps(write, PurchaseStep.CountCampaign.class).get(0).newBuyer()).isFalse();
    }

    // ------------------------------------------------------------------ builders

    private static BuyOrder customer(int quantity) {
        return new BuyOrder(BuyRole.CUSTOMER, "jane", ID, quantity, false, null);
    }

    private static BuyOrder admin(int quantity) {
        return new BuyOrder(BuyRole.ADMIN, "jane", ID, quantity, false, null);
    }

    private static final CampaignId ID = new CampaignId("11111111-2222-4333-8444-555555555555");

    private static BuyRefusal refusal(SituationBuilder s, BuyOrder order) {
        PurchasePlanner.Decision d = PurchasePlanner.buy(s.build(), order, ids());
        assertThat(d).isInstanceOf(PurchasePlanner.Decision.Answer.class);
        return ((BuyOutcome.Refused) ((PurchasePlanner.Decision.Answer) d).outcome()).refusal();
    }

    private static PurchasePlanner.Decision.Write write(SituationBuilder s, BuyOrder order) {
        PurchasePlanner.Decision d = PurchasePlanner.buy(s.build(), order, ids());
        assertThat(d).as(d.toString()).isInstanceOf(PurchasePlanner.Decision.Write.class);
        return (PurchasePlanner.Decision.Write) d;
    }

    private static <T> List<T> steps(PurchasePlanner.Decision.Write write, Class<T> type) {
        return write.steps().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static java.util.function.Supplier<String> ids() {
        AtomicInteger n = new AtomicInteger();
        return () -> "coupon-" + n.incrementAndGet();
    }

    private static CampaignBuilder campaign(RewardType reward) {
        return new CampaignBuilder(reward);
    }

    private static SituationBuilder situation(Campaign c, String balance) {
        return new SituationBuilder(c, balance);
    }

    private static final class CampaignBuilder {
        RewardType reward;
        boolean active = true;
        List<String> levels = List.of(LEVEL);
        List<String> segments = List.of();
        boolean unlimited = true;
        Integer limit;
        Integer limitPerUser;
        boolean single;
        int daysInactive;
        int daysValid;
        Integer percent;

        CampaignBuilder(RewardType reward) {
            this.reward = reward;
        }

        CampaignBuilder inactive() {
            active = false;
            return this;
        }

        CampaignBuilder levels(String... ids) {
            levels = List.of(ids);
            return this;
        }

        CampaignBuilder segments(String... ids) {
            segments = List.of(ids);
            return this;
        }

        CampaignBuilder limited(int all, int perUser) {
            unlimited = false;
            limit = all;
            limitPerUser = perUser;
            return this;
        }

        CampaignBuilder single() {
            single = true;
            return this;
        }

        CampaignBuilder days(int inactive, int valid) {
            daysInactive = inactive;
            daysValid = valid;
            return this;
        }

        CampaignBuilder percent(int value) {
            percent = value;
            return this;
        }

        Campaign build() {
            return new Campaign(STORE, ID, reward, active,
                    Map.of("en", new CampaignTranslation("en", "Mug", null, null, null, null, null)), false, true,
                    false, levels, segments, List.of(), List.of(), null, null, new BigDecimal("5"), null, null,
                    CampaignWindow.ALWAYS, CampaignWindow.ALWAYS, new BigDecimal("10"), unlimited, single, limit,
                    limitPerUser, daysInactive, daysValid, null, percent, null, null, false, NOW.minusSeconds(3600), 1);
        }
    }

    private static final class SituationBuilder {
        final Campaign campaign;
        final String balance;
        long issued;
        long memberIssued;
        int pool = 10;
        String first = "C1";
        String status = "active";
        Set<String> memberSegments = Set.of();
        PurchasePlanner.BoughtFor transaction;

        SituationBuilder(Campaign campaign, String balance) {
            this.campaign = campaign;
            this.balance = balance;
        }

        SituationBuilder issued(long n) {
            issued = n;
            return this;
        }

        SituationBuilder memberIssued(long n) {
            memberIssued = n;
            return this;
        }

        SituationBuilder pool(int n) {
            pool = n;
            return this;
        }

        SituationBuilder first(String code) {
            first = code;
            return this;
        }

        SituationBuilder status(String s) {
            status = s;
            return this;
        }

        SituationBuilder segments(String... ids) {
            memberSegments = Set.of(ids);
            return this;
        }

        SituationBuilder transaction(String id, String member, String gross) {
            transaction = new PurchasePlanner.BoughtFor(id, member, new BigDecimal(gross));
            return this;
        }

        PurchasePlanner.Situation build() {
            List<PoolCode> free = new ArrayList<>();
            for (int i = 1; i <= pool; i++) {
                free.add(new PoolCode(i, "C" + i));
            }
            MemberRef member = new MemberRef(STORE, JANE.memberId(), status, JANE.email(), null, null, "Jane", "D");
            List<PointsTransfer> account = new BigDecimal(balance).signum() == 0 ? List.of() : List.of(
                    PointsTransfer.lot(STORE, TransferId.newAt(NOW.minusSeconds(60)), "jane", TransferType.ADDING,
                            new Points(new BigDecimal(balance)), NOW.minusSeconds(60), null, null, Issuer.ADMIN, "added",
                            MemberSnapshot.of(member), null, null, null));
            return new PurchasePlanner.Situation(ZONE, "en", PointsSettings.DEFAULTS, campaign,
                    new CampaignCounters(issued, pool, 0), member,
                    new Audience("jane", status, LEVEL, memberSegments), memberIssued, free,
                    first == null ? Optional.empty() : Optional.of(new PoolCode(1, first)), account, 0,
                    Optional.ofNullable(transaction), NOW, 100);
        }
    }
}
