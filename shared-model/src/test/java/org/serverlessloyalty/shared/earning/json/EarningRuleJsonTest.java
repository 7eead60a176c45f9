package org.serverlessloyalty.shared.earning.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.earning.model.EarningRuleType;
import org.serverlessloyalty.shared.earning.model.LabelMultiplier;
import org.serverlessloyalty.shared.earning.model.LabelsInclusion;
import org.serverlessloyalty.shared.earning.model.LimitPeriod;
import org.serverlessloyalty.shared.earning.model.ReferralEvent;
import org.serverlessloyalty.shared.earning.model.RewardType;
import org.serverlessloyalty.shared.earning.model.RuleDefinition;
import org.serverlessloyalty.shared.earning.model.RuleTerms;
import org.serverlessloyalty.shared.earning.model.Target;
import org.serverlessloyalty.shared.earning.model.UsageLimit;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;
import org.serverlessloyalty.shared.points.model.Label;

/** The {@code earningRule[...]} form (behaviour spec 1.B.3) as Open Loyalty's clients send it, and as JSON. */
class EarningRuleJsonTest {

    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");
    private static final String COMMON = "earningRule[name]=R&earningRule[description]=D&earningRule[active]=1"
            + "&earningRule[allTimeActive]=1&earningRule[target]=level&earningRule[levels][0]=L1";

    private static JsonFields form(String body) {
        return OpenLoyaltyBody.parse(OpenLoyaltyBody.FORM, body.getBytes(StandardCharsets.UTF_8), "earningRule");
    }

    private static JsonFields json(String body) {
        return OpenLoyaltyBody.parse(OpenLoyaltyBody.JSON, body.getBytes(StandardCharsets.UTF_8), "earningRule");
    }

    private static RuleDefinition valid(JsonFields fields) {
        RuleDefinition definition = EarningRuleJson.parse(fields, WARSAW, Optional.empty());
        assertThat(fields.errors().list()).isEmpty();
        return definition;
    }

    private static List<String> fieldsInError(JsonFields fields) {
        return fields.errors().list().stream().map(FieldErrors.FieldError::field).toList();
    }

    @Test
    void readsTheDocsCreateExampleButRefusesItsEndBeforeItsStart() {
        // Open Loyalty's own example (docs ~6380) sends startAt 2019 and endAt 2018, and every type's fields.
        JsonFields fields = form("earningRule[active]=1&earningRule[type]=event&earningRule[description]=test"
                + "&earningRule[endAt]=2018-03-19+09:45&earningRule[eventName]=oloy.customer.logged_in"
                + "&earningRule[levels][0]=000096cf-32a3-43bd-9034-4df343e5fd93&earningRule[name]=nowy+rule"
                + "&earningRule[pointsAmount]=5&earningRule[segments]=[+]&earningRule[startAt]=2019-03-19+09:45"
                + "&earningRule[target]=level&earningRule[limit][active]=1&earningRule[limit][period]=month"
                + "&earningRule[limit][limit]=5&earningRule[rewardType]=both&earningRule[allTimeActive]=0"
                + "&earningRule[excludeDeliveryCost]=true&earningRule[excludedSKUs]=123&earningRule[minOrderValue]=2"
                + "&earningRule[inclusionType]=exclude_labels&earningRule[excludedLabels]=1:1"
                + "&earningRule[multiplier]=2&earningRule[skuIds][0]=SKU123");
        assertThat(EarningRuleJson.parse(fields, WARSAW, Optional.empty())).isNull();
        assertThat(fields.errors().list()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("earningRule[endAt]");
            assertThat(e.message()).isEqualTo("This date must be later than Start at.");
        });
    }

    @Test
    void readsAnEventRuleWithItsWindowInTheStoreTimeZoneIgnoringOtherTypesFields() {
        RuleDefinition rule = valid(form("earningRule[active]=1&earningRule[type]=event&earningRule[description]=test"
                + "&earningRule[startAt]=2018-03-19+09:45&earningRule[endAt]=2019-03-19+09:45"
                + "&earningRule[eventName]=oloy.customer.logged_in&earningRule[levels][0]=L1&earningRule[name]=nowy+rule"
                + "&earningRule[pointsAmount]=5&earningRule[segments]=[+]&earningRule[target]=level"
                + "&earningRule[multiplier]=2&earningRule[skuIds][0]=SKU123&earningRule[lastExecutedRule]=1"));
        assertThat(rule.terms()).isEqualTo(new RuleTerms.Event("oloy.customer.logged_in", new BigDecimal("5")));
        assertThat(rule.startAt()).isEqualTo(Instant.parse("2018-03-19T08:45:00Z"));
        assertThat(rule.endAt()).isEqualTo(Instant.parse("2019-03-19T08:45:00Z"));
        assertThat(rule.target()).isEqualTo(Target.LEVEL);
        assertThat(rule.levels()).containsExactly("L1");
        assertThat(rule.segments()).isEmpty();
        assertThat(rule.lastExecutedRule()).as("an event rule cannot stop evaluation (E9)").isFalse();
    }

    @Test
    void readsASpendingRuleFromAFormAndTheSameFromJson() {
        RuleDefinition fromForm = valid(form(COMMON + "&earningRule[type]=points&earningRule[pointValue]=2.5"
                + "&earningRule[excludedSKUs]=A;B&earningRule[labelsInclusionType]=exclude_labels"
                + "&earningRule[excludedLabels]=color:red;size:xl&earningRule[excludeDeliveryCost]=0"
                + "&earningRule[minOrderValue]=10&earningRule[lastExecutedRule]=1&earningRule[pos][0]=P1"));
        RuleDefinition fromJson = valid(json("{\"earningRule\":{\"name\":\"R\",\"description\":\"D\",\"active\":true,"
                + "\"allTimeActive\":true,\"target\":\"level\",\"levels\":[\"L1\"],\"type\":\"points\",\"pointValue\":2.5,"
                + "\"excludedSKUs\":[\"A\",\"B\"],\"inclusionType\":\"exclude_labels\","
                + "\"excludedLabels\":[{\"key\":\"color\",\"value\":\"red\"},{\"key\":\"size\",\"value\":\"xl\"}],"
                + "\"excludeDeliveryCost\":false,\"minOrderValue\":10,\"lastExecutedRule\":true,\"pos\":[\"P1\"]}}"));
        assertThat(fromJson).isEqualTo(fromForm);
        assertThat(fromForm.terms()).isEqualTo(new RuleTerms.Spending(new BigDecimal("2.5"), Set.of("A", "B"),
                LabelsInclusion.EXCLUDE, List.of(new Label("color", "red"), new Label("size", "xl")), List.of(), false,
                new BigDecimal("10")));
        assertThat(fromForm.lastExecutedRule()).isTrue();
        assertThat(fromForm.pos()).containsExactly("P1");
        assertThat(fromForm.active()).isTrue();
        assertThat(fromForm.allTimeActive()).isTrue();
    }

    @Test
    void aSpendingRuleExcludesDeliveryUnlessTold() {
        RuleDefinition rule = valid(form(COMMON + "&earningRule[type]=points&earningRule[pointValue]=1"));
        assertThat(((RuleTerms.Spending) rule.terms()).excludeDeliveryCost()).isTrue();
        assertThat(((RuleTerms.Spending) rule.terms()).minOrderValue()).isEqualByComparingTo("0");
    }

    @Test
    void readsEveryOtherType() {
        assertThat(valid(form(COMMON + "&earningRule[type]=custom_event&earningRule[eventName]=facebook_like"
                + "&earningRule[pointsAmount]=100&earningRule[limit][active]=1&earningRule[limit][period]=3 months"
                + "&earningRule[limit][limit]=2")).terms())
                .isEqualTo(new RuleTerms.CustomEvent("facebook_like", new BigDecimal("100"),
                        new UsageLimit(true, LimitPeriod.THREE_MONTHS, 2)));
        assertThat(valid(form(COMMON + "&earningRule[type]=custom_event&earningRule[eventName]=x"
                + "&earningRule[pointsAmount]=1&earningRule[limit][active]=0")).terms())
                .isEqualTo(new RuleTerms.CustomEvent("x", BigDecimal.ONE, UsageLimit.NONE));
        assertThat(valid(form(COMMON + "&earningRule[type]=referral&earningRule[eventName]=first_purchase"
                + "&earningRule[rewardType]=both&earningRule[pointsAmount]=7")).terms())
                .isEqualTo(new RuleTerms.Referral(ReferralEvent.FIRST_PURCHASE, RewardType.BOTH, new BigDecimal("7")));
        assertThat(valid(form(COMMON + "&earningRule[type]=product_purchase&earningRule[skuIds][0]=S1"
                + "&earningRule[skuIds][1]=S2&earningRule[pointsAmount]=200")).terms())
                .isEqualTo(new RuleTerms.ProductPurchase(Set.of("S1", "S2"), new BigDecimal("200")));
        assertThat(valid(form(COMMON + "&earningRule[type]=multiply_for_product&earningRule[skuIds][0]=S1"
                + "&earningRule[multiplier]=3&earningRule[labels]=color:red")).terms())
                .isEqualTo(new RuleTerms.MultiplyForProduct(Set.of("S1"), new BigDecimal("3"),
                        List.of(new Label("color", "red"))));
        assertThat(valid(form(COMMON + "&earningRule[type]=multiply_by_product_labels"
                + "&earningRule[labelMultipliers][0][key]=color&earningRule[labelMultipliers][0][value]=red"
                + "&earningRule[labelMultipliers][0][multiplier]=0")).terms())
                .isEqualTo(new RuleTerms.MultiplyByLabels(List.of(new LabelMultiplier("color", "red", BigDecimal.ZERO))));
        assertThat(valid(form(COMMON + "&earningRule[type]=geolocation&earningRule[latitude]=50.00"
                + "&earningRule[longitude]=15.00&earningRule[radius]=4&earningRule[pointsAmount]=2")).terms())
                .isEqualTo(new RuleTerms.Geolocation(new BigDecimal("50"), new BigDecimal("15"), new BigDecimal("4"),
                        new BigDecimal("2"), UsageLimit.NONE));
        assertThat(valid(form(COMMON + "&earningRule[type]=qrcode&earningRule[code]=qrcodeabcd"
                + "&earningRule[pointsAmount]=10&earningRule[limit][active]=1&earningRule[limit][period]=day"
                + "&earningRule[limit][limit]=1")).terms())
                .isEqualTo(new RuleTerms.QrCode("qrcodeabcd", BigDecimal.TEN, new UsageLimit(true, LimitPeriod.DAY, 1)));
    }

    @Test
    void namesEveryMissingOrBadFieldAtOnce() {
        JsonFields fields = form("earningRule[type]=points&earningRule[pointValue]=abc&earningRule[startAt]=soon"
                + "&earningRule[colour]=red&earningRule[target]=tier");
        assertThat(EarningRuleJson.parse(fields, WARSAW, Optional.empty())).isNull();
        assertThat(fieldsInError(fields)).containsExactlyInAnyOrder("earningRule[colour]", "earningRule[name]",
                "earningRule[description]", "earningRule[startAt]", "earningRule[endAt]", "earningRule[pointValue]",
                "earningRule[target]");
    }

    @Test
    void requiresALevelOrASegment() {
        JsonFields fields = form("earningRule[type]=points&earningRule[pointValue]=1&earningRule[name]=R"
                + "&earningRule[description]=D&earningRule[allTimeActive]=1");
        assertThat(EarningRuleJson.parse(fields, WARSAW, Optional.empty())).isNull();
        assertThat(fieldsInError(fields)).containsExactly("earningRule[target]");
        JsonFields segments = form("earningRule[type]=points&earningRule[pointValue]=1&earningRule[name]=R"
                + "&earningRule[description]=D&earningRule[allTimeActive]=1&earningRule[target]=segment"
                + "&earningRule[levels][0]=L1");
        assertThat(EarningRuleJson.parse(segments, WARSAW, Optional.empty())).isNull();
        assertThat(fieldsInError(segments)).containsExactly("earningRule[segments]");
    }

    @Test
    void accountCreatedRulesTargetNobodyYet() {
        JsonFields fields = form(COMMON + "&earningRule[type]=event&earningRule[eventName]=oloy.account.created"
                + "&earningRule[pointsAmount]=10");
        assertThat(EarningRuleJson.parse(fields, WARSAW, Optional.empty())).isNull();
        assertThat(fieldsInError(fields)).containsExactly("earningRule[levels]");
        RuleDefinition rule = valid(form("earningRule[name]=R&earningRule[description]=D&earningRule[allTimeActive]=1"
                + "&earningRule[type]=event&earningRule[eventName]=oloy.account.created&earningRule[pointsAmount]=10"));
        assertThat(rule.levels()).isEmpty();
        assertThat(rule.segments()).isEmpty();
    }

    @Test
    void anEventRuleAnswersOnlyBuiltInEvents() {
        JsonFields fields = form(COMMON + "&earningRule[type]=event&earningRule[eventName]=facebook_like"
                + "&earningRule[pointsAmount]=10");
        assertThat(EarningRuleJson.parse(fields, WARSAW, Optional.empty())).isNull();
        assertThat(fieldsInError(fields)).containsExactly("earningRule[eventName]");
    }

    @Test
    void readsAnInstantRewardRuleNamingItsCampaign() {
        RuleDefinition rule = valid(form(COMMON + "&earningRule[type]=instant_reward&earningRule[rewardCampaignId]=c1"));
        assertThat(rule.terms()).isEqualTo(new RuleTerms.InstantReward("c1"));
    }

    @Test
    void anInstantRewardRuleWithoutItsCampaignIsRefusedOnRewardCampaignId() {
        JsonFields fields = form(COMMON + "&earningRule[type]=instant_reward");
        EarningRuleJson.parse(fields, WARSAW, Optional.empty());
        assertThat(fieldsInError(fields)).containsExactly("earningRule[rewardCampaignId]");
    }

    @Test
    void aReplacementKeepsTheTypeAndMayLeaveItOut() {
        JsonFields changed = form(COMMON + "&earningRule[type]=qrcode&earningRule[code]=c&earningRule[pointsAmount]=1");
        assertThat(EarningRuleJson.parse(changed, WARSAW, Optional.of(EarningRuleType.POINTS))).isNull();
        assertThat(fieldsInError(changed)).containsExactly("earningRule[type]");
        RuleDefinition kept = valid(form(COMMON + "&earningRule[pointValue]=3"), EarningRuleType.POINTS);
        assertThat(kept.type()).isEqualTo(EarningRuleType.POINTS);
    }

    @Test
    void anActiveLimitNeedsAKnownPeriodAndALimitOfAtLeastOne() {
        JsonFields fields = form(COMMON + "&earningRule[type]=qrcode&earningRule[code]=c&earningRule[pointsAmount]=1"
                + "&earningRule[limit][active]=1&earningRule[limit][period]=fortnight&earningRule[limit][limit]=0");
        assertThat(EarningRuleJson.parse(fields, WARSAW, Optional.empty())).isNull();
        assertThat(fieldsInError(fields)).containsExactlyInAnyOrder("earningRule[limit][period]",
                "earningRule[limit][limit]");
    }

    @Test
    void refusesLabelsWithoutAColonInsteadOfFailingAsOpenLoyaltyDoes() {
        // Section 4 item 10: Open Loyalty answers 500 for a labels fragment without ':'.
        JsonFields fields = form(COMMON + "&earningRule[type]=multiply_for_product&earningRule[multiplier]=2"
                + "&earningRule[labels]=red");
        assertThat(EarningRuleJson.parse(fields, WARSAW, Optional.empty())).isNull();
        assertThat(fieldsInError(fields)).containsExactly("earningRule[labels]");
    }

    private static RuleDefinition valid(JsonFields fields, EarningRuleType existing) {
        RuleDefinition definition = EarningRuleJson.parse(fields, WARSAW, Optional.of(existing));
        assertThat(fields.errors().list()).isEmpty();
        return definition;
    }
}
