package org.serverlessloyalty.shared.campaign.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.campaign.model.CampaignId;
import org.serverlessloyalty.shared.campaign.model.CampaignWindow;
import org.serverlessloyalty.shared.campaign.model.ConnectType;
import org.serverlessloyalty.shared.campaign.model.RewardType;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.points.model.Label;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** The {@code campaign[...]} form (1.A.1, C1–C9, section 4 items 10 and 16, 0.2's booleans and dates). */
class CampaignJsonTest {

    private static final String POOLED = "campaign[reward]=discount_code&campaign[translations][en][name]=Ten"
            + "&campaign[levels][0]=gold&campaign[costInPoints]=100&campaign[unlimited]=1&campaign[daysInactive]=0"
            + "&campaign[daysValid]=0&campaign[coupons][0]=A&campaign[campaignActivity][allTimeActive]=1"
            + "&campaign[campaignVisibility][allTimeVisible]=1";

    private record Parsed(CampaignJson.Form form, List<String> fields) {
    }

    private static Parsed parse(String form) {
        JsonFields fields = OpenLoyaltyBody.parse(OpenLoyaltyBody.FORM, form.getBytes(StandardCharsets.UTF_8),
                CampaignJson.ROOT);
        CampaignJson.Form parsed = CampaignJson.parse(fields, new CampaignJson.Identity(new StoreCode("s1"),
                CampaignId.newId(), Instant.EPOCH, 1, ZoneId.of("Europe/Paris"), "fr"));
        return new Parsed(parsed, fields.errors().list().stream().map(FieldErrors.FieldError::field).toList());
    }

    @Test
    void readsAPooledCampaignWithOpenLoyaltysCheckboxesAndNormalisedCodes() {
        Parsed p = parse(POOLED.replace("coupons][0]=A", "coupons][0]=ab-1&campaign[coupons][1]=CD_2")
                + "&campaign[active]=%221%22&campaign[featured]=false&campaign[public]=null");
        assertThat(p.fields()).isEmpty();
        assertThat(p.form().campaign().active()).isTrue();
        assertThat(p.form().campaign().featured()).isFalse();
        assertThat(p.form().campaign().isPublic()).isFalse();
        assertThat(p.form().coupons()).containsExactly("AB-1", "CD_2");
        assertThat(p.form().campaign().limit()).isNull();
    }

    @Test
    void neitherLevelsNorSegmentsIsRefusedOnBothC2() {
        assertThat(parse(POOLED.replace("&campaign[levels][0]=gold", "")).fields())
                .containsExactly("campaign[levels]", "campaign[segments]");
    }

    @Test
    void targetLevelDropsTheSegmentsC3() {
        Parsed p = parse(POOLED + "&campaign[target]=level&campaign[segments][0]=vip");
        assertThat(p.form().campaign().segments()).isEmpty();
        assertThat(p.form().campaign().levels()).containsExactly("gold");
    }

    @Test
    void aLimitedCampaignNeedsBothLimitsAboveZeroC4() {
        assertThat(parse(POOLED.replace("unlimited]=1", "unlimited]=0") + "&campaign[limit]=0").fields())
                .containsExactly("campaign[limit]", "campaign[limitPerUser]");
    }

    @Test
    void aPooledCampaignNeedsItsCostCouponsAndDaysC4() {
        assertThat(parse("campaign[reward]=gift_code&campaign[translations][en][name]=Mug&campaign[levels][0]=g"
                + "&campaign[unlimited]=1&campaign[campaignActivity][allTimeActive]=1"
                + "&campaign[campaignVisibility][allTimeVisible]=1").fields())
                .containsExactlyInAnyOrder("campaign[costInPoints]", "campaign[coupons]", "campaign[daysInactive]",
                        "campaign[daysValid]");
    }

    @Test
    void aDuplicateCodeIsRefusedNamingTheSecondSection4Item16() {
        Parsed p = parse(POOLED + "&campaign[coupons][1]=b&campaign[coupons][2]=a");
        assertThat(p.fields()).containsExactly("campaign[coupons][2]");
    }

    @Test
    void aLabelsFragmentWithoutAColonIs400Section4Item10AndLabelsKeepTheirOrderC9() {
        assertThat(parse(POOLED + "&campaign[labels]=k0:v0;oops").fields()).containsExactly("campaign[labels]");
        assertThat(parse(POOLED + "&campaign[labels]=k0:v0;k1:v1").form().campaign().labels())
                .containsExactly(new Label("k0", "v0"), new Label("k1", "v1"));
    }

    @Test
    void anUnknownRewardIsRefusedC1AndAnUnknownFieldToo() {
        assertThat(parse(POOLED.replace("discount_code", "lottery") + "&campaign[colour]=red").fields())
                .containsExactlyInAnyOrder("campaign[reward]", "campaign[colour]");
    }

    @Test
    void cashbackNeedsItsPointValueIgnoresPoolFieldsAndIsAlwaysVisibleByDefaultC6() {
        Parsed p = parse("campaign[reward]=cashback&campaign[translations][en][name]=Cash&campaign[levels][0]=g"
                + "&campaign[pointValue]=0.05&campaign[costInPoints]=oops&campaign[campaignActivity][allTimeActive]=1");
        assertThat(p.fields()).isEmpty();
        assertThat(p.form().campaign().unlimited()).isTrue();
        assertThat(p.form().campaign().singleCoupon()).isTrue();
        assertThat(p.form().campaign().visibility()).isEqualTo(CampaignWindow.ALWAYS);
        assertThat(p.form().coupons()).isEmpty();
    }

    @Test
    void percentageNeedsAWholePercentBelowOneHundredC7() {
        String form = "campaign[reward]=percentage_discount_code&campaign[translations][en][name]=P"
                + "&campaign[levels][0]=g&campaign[daysInactive]=0&campaign[daysValid]=0"
                + "&campaign[campaignActivity][allTimeActive]=1&campaign[campaignVisibility][allTimeVisible]=1";
        assertThat(parse(form + "&campaign[transactionPercentageValue]=100").fields())
                .containsExactly("campaign[transactionPercentageValue]");
        assertThat(parse(form + "&campaign[transactionPercentageValue]=15").form().campaign()
                .transactionPercentageValue()).isEqualTo(15);
    }

    @Test
    void aCustomCampaignNeedsItsEarningRuleUnlessConnectTypeIsNoneC8() {
        String form = "campaign[reward]=custom_campaign_code&campaign[translations][en][name]=C"
                + "&campaign[levels][0]=g&campaign[campaignActivity][allTimeActive]=1"
                + "&campaign[campaignVisibility][allTimeVisible]=1";
        assertThat(parse(form + "&campaign[connectType]=qrcode").fields()).containsExactly("campaign[earningRuleId]");
        Parsed none = parse(form + "&campaign[connectType]=none&campaign[earningRuleId]=r1");
        assertThat(none.form().campaign().connectType()).isEqualTo(ConnectType.NONE);
        assertThat(none.form().campaign().earningRuleId()).isNull();
        assertThat(none.form().campaign().reward()).isEqualTo(RewardType.CUSTOM_CAMPAIGN_CODE);
    }

    @Test
    void datesAreLenientAndAWindowNeedsBothOrdered() {
        String dated = POOLED.replace("campaign[campaignActivity][allTimeActive]=1",
                "campaign[campaignActivity][allTimeActive]=0&campaign[campaignActivity][activeFrom]=2017-10-05+10:59"
                        + "&campaign[campaignActivity][activeTo]=2017-12-05T10:59:00%2B0100");
        CampaignWindow window = parse(dated).form().campaign().activity();
        assertThat(window.from()).isEqualTo(Instant.parse("2017-10-05T08:59:00Z"));
        assertThat(window.to()).isEqualTo(Instant.parse("2017-12-05T09:59:00Z"));
        assertThat(parse(POOLED.replace("campaign[campaignActivity][allTimeActive]=1",
                "campaign[campaignActivity][activeFrom]=2018-01-01")).fields())
                .containsExactly("campaign[campaignActivity][activeTo]");
    }

    @Test
    void theNameIsNeededInTheStoresLanguageOrInEnglish() {
        assertThat(parse(POOLED.replace("[translations][en][name]=Ten", "[translations][de][name]=Zehn")).fields())
                .containsExactly("campaign[translations][fr][name]");
        assertThat(parse(POOLED.replace("[translations][en][name]=Ten", "[translations][fr][name]=Dix")).fields())
                .isEmpty();
    }
}
