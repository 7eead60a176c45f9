package org.serverlessloyalty.shared.campaign.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.BoughtReward;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CouponUsage;
import org.serverlessloyalty.shared.campaign.model.DeliveryStatus;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.campaign.model.RewardStep;
import org.serverlessloyalty.shared.testing.RewardFixtures;

class CouponUsagePlansTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final CampaignId CAMPAIGN = new CampaignId(UUID.randomUUID().toString());

    private static Purchase reward(Instant activeSince, Instant activeTo) {
        return RewardFixtures.purchase("m1", CAMPAIGN, "CODE1", NOW.minus(Duration.ofDays(1)), activeSince, activeTo);
    }

    private static CouponUsage row(Purchase p, Boolean used) {
        return new CouponUsage(0, p.memberId(), p.campaignId().value(), p.couponId(), p.code(), used, "t1");
    }

    @Test
    void anEmptyRequestIsInvalidDataAndARowWithoutUsedIsMissingData() {
        Purchase p = reward(null, null);
        assertThat(CouponUsagePlans.refusedAsSent(List.of(), false)).contains("Invalid data provided");
        assertThat(CouponUsagePlans.refusedAsSent(List.of(row(p, null)), false)).contains("Missing data in rows");
        assertThat(CouponUsagePlans.refusedAsSent(List.of(new CouponUsage(0, "m1", "c", "id", " ", true, null)),
                false)).contains("Missing data in rows");
    }

    @Test
    void aCustomerAskingUsedZeroIsNotAllowedC28() {
        assertThat(CouponUsagePlans.refusedAsSent(List.of(row(reward(null, null), false)), true)).contains("Not allowed");
        assertThat(CouponUsagePlans.refusedAsSent(List.of(row(reward(null, null), false)), false)).isEmpty();
    }

    @Test
    void anExpiredRewardCannotBeMarkedUsedC23() {
        Purchase expired = reward(null, NOW.minusSeconds(1));
        var decision = CouponUsagePlans.decide(List.of(row(expired, true)),
                Map.of(0, Optional.of(new BoughtReward(expired, true))), NOW, Map.of());
        assertThat(decision).isEqualTo(new CouponUsagePlans.Refused("No purchase available with given code in row 0"));
    }

    @Test
    void markingUsedTakesTheCodesUseOnlyWhenTheCodeIsTheRewardsOwn() {
        Purchase p = reward(null, null);
        var withCode = (CouponUsagePlans.Plan) CouponUsagePlans.decide(List.of(row(p, true)),
                Map.of(0, Optional.of(new BoughtReward(p, true))), NOW, Map.of());
        var withoutCode = (CouponUsagePlans.Plan) CouponUsagePlans.decide(List.of(row(p, true)),
                Map.of(0, Optional.of(new BoughtReward(p, false))), NOW, Map.of());

        assertThat(withCode.steps()).containsExactly(new RewardStep.MarkUsed("m1", p.couponId(), NOW, "t1", null),
                new RewardStep.TakeCodeUse("m1", p.couponId(), "CODE1"));
        assertThat(withoutCode.steps()).hasSize(1);
    }

    @Test
    void deliveryStatusChangesOnUseOnlyWithFulfillmentTrackingSection4Item14() {
        Purchase p = reward(null, null);
        var tracked = (CouponUsagePlans.Plan) CouponUsagePlans.decide(List.of(row(p, true)),
                Map.of(0, Optional.of(new BoughtReward(p, false))), NOW, Map.of(CAMPAIGN.value(), true));
        assertThat(((RewardStep.MarkUsed) tracked.steps().get(0)).delivery()).isEqualTo(DeliveryStatus.ORDERED);
    }

    @Test
    void theSameCouponTwiceInOneRequestIsRefused() {
        Purchase p = reward(null, null);
        var decision = CouponUsagePlans.decide(List.of(row(p, true), new CouponUsage(1, "m1", CAMPAIGN.value(),
                        p.couponId(), "CODE1", true, null)),
                Map.of(0, Optional.of(new BoughtReward(p, true)), 1, Optional.of(new BoughtReward(p, true))), NOW,
                Map.of());
        assertThat(decision).isInstanceOf(CouponUsagePlans.Refused.class);
    }
}
