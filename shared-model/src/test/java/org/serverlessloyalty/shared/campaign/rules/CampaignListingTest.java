package org.serverlessloyalty.shared.campaign.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignCounters;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignWindow;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.campaign.port.CampaignRepository.StoredCampaign;
import org.serverlessloyalty.shared.campaign.testing.CampaignFixtures;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Which campaigns each catalogue list shows: A4's filters, C13, A10 (C11), A21 (C15, section 4 item 17), A6. */
class CampaignListingTest {

    private static final StoreCode STORE = new StoreCode("s1");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final CampaignWindow PAST = new CampaignWindow(false, Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-12-31T00:00:00Z"));

    private static Campaign campaign(String name, RewardType type, boolean active, boolean isPublic, boolean featured,
                                     List<String> segments, List<Label> labels, CampaignWindow activity,
                                     CampaignWindow visibility) {
        Campaign base = CampaignFixtures.discountCode(STORE, CampaignId.newId());
        return new Campaign(STORE, base.id(), type, active, java.util.Map.of("en",
                new org.serverlessloyalty.shared.campaign.model.CampaignTranslation("en", name, null, null, null, null,
                        null)), featured, isPublic, false, List.of("gold"), segments, List.of(), labels, null, null,
                null, null, null, activity, visibility, BigDecimal.TEN, true, false, null, null, 0, 0, null, null,
                null, null, false, base.createdAt(), 1);
    }

    private static StoredCampaign stored(Campaign c) {
        return new StoredCampaign(c, CampaignCounters.NONE);
    }

    private static List<String> names(List<StoredCampaign> list) {
        return list.stream().map(s -> s.campaign().name("en")).toList();
    }

    private final List<StoredCampaign> all = List.of(
            stored(campaign("open", RewardType.DISCOUNT_CODE, true, true, true, List.of(),
                    List.of(new Label("type", "promotion")), CampaignWindow.ALWAYS, CampaignWindow.ALWAYS)),
            stored(campaign("ended", RewardType.DISCOUNT_CODE, true, true, false, List.of("vip"), List.of(), PAST,
                    CampaignWindow.ALWAYS)),
            stored(campaign("hidden", RewardType.GIFT_CODE, true, true, false, List.of(), List.of(),
                    CampaignWindow.ALWAYS, PAST)),
            stored(campaign("off", RewardType.GIFT_CODE, false, true, false, List.of(), List.of(),
                    CampaignWindow.ALWAYS, CampaignWindow.ALWAYS)),
            stored(campaign("cash", RewardType.CASHBACK, true, false, false, List.of(), List.of(),
                    CampaignWindow.ALWAYS, CampaignWindow.ALWAYS)));

    @Test
    void thePublicListKeepsPublicActiveCampaignsInsideBothWindowsSection4Item17() {
        assertThat(names(CampaignListing.publicAvailable(all, CampaignListing.Filter.NONE, NOW))).containsExactly("open");
    }

    @Test
    void theSellerSeesActiveVisibleCampaignsButNeverCashbackC11() {
        assertThat(names(CampaignListing.seller(all, null, NOW))).containsExactly("open", "ended");
        assertThat(names(CampaignListing.seller(all, false, NOW))).isEmpty();
    }

    @Test
    void hasSegmentSplitsTheListInTwoC13() {
        var with = CampaignListing.admin(all, new CampaignListing.Filter(null, null, null, null, null, null, null,
                Set.of(), true));
        var without = CampaignListing.admin(all, new CampaignListing.Filter(null, null, null, null, null, null, null,
                Set.of(), false));
        assertThat(names(with)).containsExactly("ended");
        assertThat(with.size() + without.size()).isEqualTo(all.size());
    }

    @Test
    void theAdminFiltersCombineLabelsTypeNameAndFlags() {
        assertThat(names(CampaignListing.admin(all, new CampaignListing.Filter(List.of(new Label("type", "promotion")),
                true, true, true, null, RewardType.DISCOUNT_CODE, "OP", Set.of(), null)))).containsExactly("open");
        assertThat(names(CampaignListing.admin(all, new CampaignListing.Filter(null, false, null, null, null, null,
                null, Set.of(), null)))).containsExactly("off");
        assertThat(CampaignListing.admin(all, new CampaignListing.Filter(null, null, null, null, null, null, null,
                Set.of("no-such-category"), null))).isEmpty();
    }

    @Test
    void theActiveListChecksTheFlagAndTheActivityWindowC11() {
        assertThat(names(CampaignListing.active(all, NOW))).containsExactly("open", "hidden", "cash");
    }
}
