package org.serverlessloyalty.shared.campaign.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignTranslation;
import org.serverlessloyalty.shared.campaign.model.CampaignWindow;
import org.serverlessloyalty.shared.campaign.model.PurchaseStep;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.campaign.rules.CashbackRules.Quote;
import org.serverlessloyalty.shared.campaign.rules.CashbackRules.Redeem;
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

class CashbackRulesTest {

    static final StoreCode STORE = new StoreCode("shop");
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final Audience GOLD = new Audience("m1", "active", "gold", Set.of("vip"));
    static final MemberRef MEMBER = new MemberRef(STORE, "m1", "active", null, null, null, null, null);
    static final List<PointsTransfer> HUNDRED = List.of(PointsTransfer.lot(STORE, TransferId.newAt(NOW.minusSeconds(60)),
            "m1", TransferType.ADDING, Points.of(100), NOW.minusSeconds(60), null, null, Issuer.ADMIN, "add",
            MemberSnapshot.NONE, null, null, null));

    @Test
    void c30TakesTheHighestPointValueAmongActiveCashbackCampaignsTargetingTheMember() {
        Campaign low = cashback("Low", "1.50", List.of("gold"), List.of(), true);
        Campaign high = cashback("High", "3.00", List.of(), List.of("vip"), true);
        Campaign inactive = cashback("Off", "9.00", List.of("gold"), List.of(), false);
        Campaign otherLevel = cashback("Silver only", "5.00", List.of("silver"), List.of(), true);
        assertThat(CashbackRules.campaignFor(List.of(low, high, inactive, otherLevel), GOLD, NOW)).contains(high);
    }

    @Test
    void noCashbackForTheMemberIsCashbackNotAvailable() {
        Campaign otherLevel = cashback("Silver only", "5.00", List.of("silver"), List.of(), true);
        assertThat(CashbackRules.quote(List.of(otherLevel), GOLD, HUNDRED, BigDecimal.TEN, NOW))
                .isEqualTo(new Quote.Refused("cashback not available"));
    }

    @Test
    void rewardAmountIsPointsTimesPointValueRoundedToCents() {
        assertThat(CashbackRules.rewardAmount(new BigDecimal("10"), new BigDecimal("3.00"))).isEqualByComparingTo("30");
        assertThat(CashbackRules.rewardAmount(new BigDecimal("3"), new BigDecimal("0.333"))).isEqualByComparingTo("1.00");
        assertThat(CashbackRules.rewardAmount(new BigDecimal("5"), new BigDecimal("0.001"))).isEqualByComparingTo("0.01");
    }

    @Test
    void simulateAndRedeemNeedThePointsAvailable() {
        Campaign c = cashback("C", "2", List.of("gold"), List.of(), true);
        assertThat(CashbackRules.quote(List.of(c), GOLD, HUNDRED, new BigDecimal("100.01"), NOW))
                .isEqualTo(new Quote.Refused("Not enough points"));
        assertThat(redeem(List.of(c), "100.01", "2", "200.02")).isEqualTo(new Redeem.Refused("Not enough points"));
    }

    @Test
    void redeemWithAnotherPointValueOrRewardAmountThanC30GivesIsCashbackNotValid() {
        Campaign c = cashback("C", "2", List.of("gold"), List.of(), true);
        assertThat(redeem(List.of(c), "10", "3", "30")).isEqualTo(new Redeem.Refused("cashback not valid"));
        assertThat(redeem(List.of(c), "10", "2", "25")).isEqualTo(new Redeem.Refused("cashback not valid"));
    }

    @Test
    void redeemSpendsThePointsInTheSameTransactionAsTheRewardSection4Item6() {
        Campaign c = cashback("Cash", "2", List.of("gold"), List.of(), true);
        Redeem.Write write = (Redeem.Write) redeem(List.of(c), "10", "2.00", "20");
        assertThat(write.steps()).anySatisfy(s -> assertThat(s).isInstanceOf(PurchaseStep.Spend.class));
        assertThat(write.steps()).filteredOn(PurchaseStep.Spend.class::isInstance)
                .anySatisfy(s -> assertThat(((PurchaseStep.Spend) s).step()).isInstanceOf(LedgerStep.CheckVersion.class));
        assertThat(write.steps()).filteredOn(PurchaseStep.Record.class::isInstance).singleElement()
                .satisfies(s -> {
                    var reward = ((PurchaseStep.Record) s).purchase();
                    assertThat(reward.reward()).isEqualTo(RewardType.CASHBACK);
                    assertThat(reward.code()).isEmpty();
                    assertThat(reward.costInPoints()).isEqualByComparingTo("10");
                    assertThat(reward.rewardAmount()).isEqualByComparingTo("20");
                    assertThat(reward.balanceAfter()).isEqualByComparingTo("90");
                    // C21: a cashback is always active, no dates.
                    assertThat(reward.activeSince()).isNull();
                    assertThat(reward.activeTo()).isNull();
                });
        assertThat(write.steps()).filteredOn(PurchaseStep.CountCampaign.class::isInstance).singleElement()
                .satisfies(s -> assertThat(((PurchaseStep.CountCampaign) s).version()).isEqualTo(c.version()));
    }

    @Test
    void aMemberWhoseStatusMayNotSpendIsNotAllowed() {
        Campaign c = cashback("Cash", "2", List.of("gold"), List.of(), true);
        MemberRef blocked = new MemberRef(STORE, "m1", "blocked", null, null, null, null, null);
        assertThat(CashbackRules.redeem(new StoreZone(STORE, ZoneId.of("Europe/Paris")), PointsSettings.DEFAULTS,
                blocked, GOLD, List.of(c), HUNDRED, 3, 0, BigDecimal.TEN, new BigDecimal("2"), new BigDecimal("20"),
                "en", NOW, () -> "coupon-1", 100)).isEqualTo(new Redeem.Refused("Not allowed"));
    }

    static Redeem redeem(List<Campaign> campaigns, String points, String pointValue, String rewardAmount) {
        return CashbackRules.redeem(new StoreZone(STORE, ZoneId.of("Europe/Paris")), PointsSettings.DEFAULTS, MEMBER,
                GOLD, campaigns, HUNDRED, 3, 0, new BigDecimal(points), new BigDecimal(pointValue),
                new BigDecimal(rewardAmount), "en", NOW, () -> "coupon-1", 100);
    }

    static Campaign cashback(String name, String pointValue, List<String> levels, List<String> segments,
                             boolean active) {
        return new Campaign(STORE, CampaignId.newId(), RewardType.CASHBACK, active,
                Map.of("en", new CampaignTranslation("en", name, null, null, null, null, null)), false, false, false,
                levels, segments, List.of(), List.of(), null, null, null, null, null, CampaignWindow.ALWAYS,
                CampaignWindow.ALWAYS, null, true, true, null, null, null, null, new BigDecimal(pointValue), null,
                null, null, false, NOW.minusSeconds(3600), 4);
    }
}
