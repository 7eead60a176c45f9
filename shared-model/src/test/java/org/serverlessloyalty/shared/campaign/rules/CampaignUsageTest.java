package org.serverlessloyalty.shared.campaign.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.CampaignCounters;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.campaign.testing.CampaignFixtures;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** C24's usageLeft from the counters, and C12's audience. */
class CampaignUsageTest {

    private static final StoreCode STORE = new StoreCode("s1");

    private static long left(boolean unlimited, boolean single, Integer limit, long issued, long free) {
        return CampaignUsage.usageLeft(CampaignFixtures.pooled(STORE, CampaignId.newId(), RewardType.GIFT_CODE,
                unlimited, single, limit, 1), new CampaignCounters(issued, free, 0));
    }

    @Test
    void multiCodeUsageLeftIsTheFreeCodesCappedByWhatTheLimitLeavesC24() {
        assertThat(left(false, false, 10, 2, 3)).isEqualTo(3);
        assertThat(left(false, false, 10, 8, 5)).isEqualTo(2);
        assertThat(left(false, false, 10, 12, 5)).isZero();
        assertThat(left(true, false, null, 40, 7)).isEqualTo(7);
    }

    @Test
    void singleCouponUsageLeftIsWhatTheLimitLeavesOrUnboundedC24() {
        assertThat(left(false, true, 10, 4, 0)).isEqualTo(6);
        assertThat(left(false, true, 10, 11, 0)).isZero();
        assertThat(left(true, true, null, 11, 0)).isEqualTo(CampaignUsage.UNBOUNDED);
    }

    @Test
    void campaignsWithoutAPoolAreUnboundedC18() {
        var cashback = CampaignFixtures.pooled(STORE, CampaignId.newId(), RewardType.CASHBACK, true, true, null, null);
        assertThat(CampaignUsage.usageLeft(cashback, CampaignCounters.NONE)).isEqualTo(CampaignUsage.UNBOUNDED);
    }

    @Test
    void aCampaignTargetsAMemberByLevelOrByAnySegmentC12() {
        var campaign = CampaignFixtures.discountCode(STORE, CampaignId.newId());
        assertThat(CampaignUsage.targets(campaign, new Audience("m", "active", "gold", Set.of()))).isTrue();
        assertThat(CampaignUsage.targets(campaign, new Audience("m", "active", "silver", Set.of("vip")))).isFalse();
        assertThat(CampaignUsage.targets(campaign, new Audience("m", "active", null, Set.of()))).isFalse();
    }
}
