package org.serverlessloyalty.shared.points.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.serverlessloyalty.shared.platform.http.FieldErrors;
import org.serverlessloyalty.shared.platform.http.Json;
import org.serverlessloyalty.shared.platform.http.JsonFields;
import org.serverlessloyalty.shared.points.model.ExpiryMode;
import org.serverlessloyalty.shared.points.model.PointsSettings;

class PointsSettingsJsonTest {

    private static JsonFields fields(String json, FieldErrors errors) {
        return JsonFields.root(Json.parseObject(json.getBytes(StandardCharsets.UTF_8)), errors);
    }

    @Test
    void readsOpenLoyaltysSettingNames() {
        FieldErrors errors = FieldErrors.none();
        PointsSettings settings = PointsSettingsJson.parse(fields("""
                {"pointsDaysExpiryAfter":"after_x_days","pointsDaysActiveCount":30,"allTimeNotLocked":false,
                 "pointsDaysLocked":3,"customerStatusesEarning":["active","inactive"],"customerStatusesSpending":["active"],
                 "refuseCancelWhenSpent":true}
                """, errors), PointsSettings.DEFAULTS);
        assertThat(errors.list()).isEmpty();
        assertThat(settings).isEqualTo(new PointsSettings(ExpiryMode.AFTER_X_DAYS, 30, 3, Set.of("active", "inactive"),
                Set.of("active"), true));
    }

    @Test
    void changesOnlyWhatTheBodyGives() {
        FieldErrors errors = FieldErrors.none();
        PointsSettings settings = PointsSettingsJson.parse(fields("{\"pointsDaysExpiryAfter\":\"at_the_end_of_the_year\"}",
                errors), PointsSettings.DEFAULTS);
        assertThat(settings).isEqualTo(new PointsSettings(ExpiryMode.END_OF_YEAR, 90, 0, Set.of("active"),
                Set.of("active"), false));
        assertThat(PointsSettingsJson.givesAny(fields("{\"name\":\"x\"}", errors))).isFalse();
    }

    @Test
    void namesEachBadSetting() {
        FieldErrors errors = FieldErrors.none();
        PointsSettingsJson.parse(fields("""
                {"pointsDaysExpiryAfter":"sometimes","pointsDaysActiveCount":0,"allTimeNotLocked":true,
                 "pointsDaysLocked":5,"customerStatusesEarning":["active","blocked"]}
                """, errors), PointsSettings.DEFAULTS);
        assertThat(errors.list()).extracting(FieldErrors.FieldError::field).containsExactlyInAnyOrder(
                "pointsDaysExpiryAfter", "pointsDaysActiveCount", "pointsDaysLocked", "customerStatusesEarning[1]");
    }

    @Test
    void aLockNeedsItsDays() {
        FieldErrors errors = FieldErrors.none();
        PointsSettingsJson.parse(fields("{\"allTimeNotLocked\":false}", errors), PointsSettings.DEFAULTS);
        assertThat(errors.list()).extracting(FieldErrors.FieldError::field).containsExactly("pointsDaysLocked");
    }

    @Test
    void showsTheSettingsUnderTheSameNames() {
        assertThat(PointsSettingsJson.toJson(PointsSettings.DEFAULTS)).containsEntry("pointsDaysExpiryAfter", "after_x_days")
                .containsEntry("pointsDaysActiveCount", 90).containsEntry("allTimeNotLocked", true)
                .containsEntry("pointsDaysLocked", 0).containsEntry("customerStatusesEarning", List.of("active"));
    }
}
