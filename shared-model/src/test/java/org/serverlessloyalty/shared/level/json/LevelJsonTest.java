package org.serverlessloyalty.shared.level.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.platform.http.OpenLoyaltyBody;

class LevelJsonTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private static JsonFields form(String body) {
        return OpenLoyaltyBody.parse(OpenLoyaltyBody.FORM, body.getBytes(StandardCharsets.UTF_8), "level");
    }

    @Test
    void l1TheRewardIsSentAsAPercentAndStoredAsAFraction() {
        JsonFields json = form("level[translations][en][name]=Silver&level[active]=1&level[conditionValue]=20"
                + "&level[reward][name]=S&level[reward][value]=15&level[reward][code]=S15");
        Level level = LevelJson.parse(json, NOW);
        assertThat(json.errors().isEmpty()).as(json.errors().list().toString()).isTrue();
        assertThat(level.reward().value()).isEqualByComparingTo("0.15");
        assertThat(level.conditionValue()).isEqualByComparingTo("20");
        assertThat(level.active()).isTrue();
        assertThat(LevelJson.percentText(level.reward().value())).isEqualTo("15.00%");
        assertThat(LevelJson.percentText(new BigDecimal("0.125"))).isEqualTo("12.50%");
    }

    @Test
    void anAbsentActiveCheckboxIsFalseAsInOpenLoyalty() {
        JsonFields json = form("level[name]=Silver&level[conditionValue]=20"
                + "&level[reward][name]=S&level[reward][value]=15&level[reward][code]=S15");
        assertThat(LevelJson.parse(json, NOW).active()).isFalse();
    }

    @Test
    void everyMissingOrBadFieldIsNamedAsSent() {
        JsonFields json = form("level[conditionValue]=-1&level[reward][value]=150&level[colour]=red");
        assertThat(LevelJson.parse(json, NOW)).isNull();
        assertThat(json.errors().list()).extracting(FieldErrors.FieldError::field).containsExactlyInAnyOrder(
                "level[colour]", "level[translations][en][name]", "level[conditionValue]", "level[reward][name]",
                "level[reward][value]", "level[reward][code]");
    }
}
