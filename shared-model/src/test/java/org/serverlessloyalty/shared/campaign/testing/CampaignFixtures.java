package org.serverlessloyalty.shared.campaign.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignTranslation;
import org.serverlessloyalty.shared.campaign.model.CampaignWindow;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Campaigns for tests (issue 11): a pooled campaign with limits, changed through its record's fields. */
public final class CampaignFixtures {

    public static final Instant CREATED = Instant.parse("2026-11-30T09:00:00Z");

    private CampaignFixtures() {
    }

    /** An active, always visible discount_code campaign for level {@code gold}: 100 points, limit 10, 2 a member. */
    public static Campaign discountCode(StoreCode store, CampaignId id) {
        return pooled(store, id, RewardType.DISCOUNT_CODE, false, false, 10, 2);
    }

    public static Campaign pooled(StoreCode store, CampaignId id, RewardType type, boolean unlimited,
                                  boolean singleCoupon, Integer limit, Integer limitPerUser) {
        return new Campaign(store, id, type, true,
                Map.of("en", new CampaignTranslation("en", "10 EUR off", "**Ten** euros", null, null, null, null)),
                false, true, false, List.of("gold"), List.of(), List.of(), List.of(), null, null, null, null, null,
                CampaignWindow.ALWAYS, CampaignWindow.ALWAYS, new BigDecimal("100"), unlimited, singleCoupon,
                unlimited ? null : limit, unlimited ? null : limitPerUser, 0, 30, null, null, null, null, false,
                CREATED, 1);
    }

    /** {@code count} codes {@code prefix-1}..{@code prefix-count}. */
    public static List<String> codes(String prefix, int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "-" + i).toList();
    }
}
