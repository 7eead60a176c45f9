package org.serverlessloyalty.shared.campaign.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.Campaign;
import org.serverlessloyalty.shared.campaign.model.CampaignCounters;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.campaign.testing.CampaignFixtures;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** The 1.A.2 Campaign: computed fields, C4/C5, markdown as escaped HTML, admin-only fields. */
class CampaignRenderTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private final Campaign campaign = CampaignFixtures.discountCode(new StoreCode("s1"), CampaignId.newId());

    @Test
    void theAdminSeesThePoolAndTheCountersGiveUsageLeftAndBuyers() {
        var json = CampaignRender.toJson(campaign, new CampaignCounters(4, 3, 2), new CampaignRender.Context(
                CampaignRender.Reader.ADMIN, PARIS, "en", false, NOW, Map.of("gold", "Gold"), Map.of(), Map.of(),
                List.of("A", "B"), 7L, null));
        assertThat(json.get("coupons")).isEqualTo(List.of("A", "B"));
        assertThat(json.get("usageLeft")).isEqualTo(3L);
        assertThat(json.get("usersWhoUsedThisCampaignCount")).isEqualTo(2L);
        assertThat(json.get("visibleForCustomersCount")).isEqualTo(7L);
        assertThat(json.get("levelNames")).isEqualTo(Map.of("gold", "Gold"));
        assertThat(json.get("costInPoints").toString()).isEqualTo("100.00");
        assertThat(json).doesNotContainKey("will_be_active_from");
    }

    @Test
    void aCustomerNeverSeesTheCodesOrCategoryIdsAndExtraFieldsAreAdded() {
        var json = CampaignRender.toJson(campaign, CampaignCounters.NONE, new CampaignRender.Context(
                CampaignRender.Reader.CUSTOMER, PARIS, "en", false, NOW, Map.of(), Map.of(), Map.of(),
                List.of("A"), null, null), Map.of("usageLeftForCustomer", 2, "canBeBoughtByCustomer", true));
        assertThat(json).doesNotContainKeys("coupons", "categories");
        assertThat(json.get("usageLeftForCustomer")).isEqualTo(2);
        assertThat(json.get("canBeBoughtByCustomer")).isEqualTo(true);
    }

    @Test
    void anUnlimitedCampaignShowsNoLimitsC5() {
        Campaign unlimited = CampaignFixtures.pooled(new StoreCode("s1"), CampaignId.newId(), RewardType.GIFT_CODE,
                true, false, null, null);
        var json = CampaignRender.toJson(unlimited, CampaignCounters.NONE,
                CampaignRender.Context.of(CampaignRender.Reader.ADMIN, PARIS, "en", false, NOW));
        assertThat(json.get("limit")).isNull();
        assertThat(json.get("limitPerUser")).isNull();
    }

    @Test
    void formatHtmlRendersMarkdownAndEscapesRawHtml() {
        assertThat(CampaignRender.markdown("**Ten** <img src=x onerror=alert(1)> [x](javascript:alert(1))", true))
                .isEqualTo("<p><strong>Ten</strong> &lt;img src=x onerror=alert(1)&gt; <a rel=\"nofollow\" href=\"\">x</a></p>\n");
        assertThat(CampaignRender.markdown("**Ten**", false)).isEqualTo("**Ten**");
    }

    @Test
    void aCampaignNotActiveNowSaysWhenItWillBe() {
        Campaign later = new Campaign(campaign.store(), campaign.id(), campaign.reward(), true,
                campaign.translations(), false, false, false, campaign.levels(), List.of(), List.of(), List.of(), null,
                null, null, null, null, new org.serverlessloyalty.shared.campaign.model.CampaignWindow(false,
                Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-02-01T00:00:00Z")),
                campaign.visibility(), campaign.costInPoints(), false, false, 10, 2, 0, 0, null, null, null, null,
                false, campaign.createdAt(), 1);
        var json = CampaignRender.toJson(later, CampaignCounters.NONE,
                CampaignRender.Context.of(CampaignRender.Reader.ADMIN, PARIS, "en", false, NOW));
        assertThat(json.get("will_be_active_from")).isEqualTo("2027-01-01T01:00:00+0100");
        assertThat(json.get("will_be_active_to")).isEqualTo("2027-02-01T01:00:00+0100");
    }
}
