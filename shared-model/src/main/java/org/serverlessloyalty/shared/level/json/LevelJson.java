package org.serverlessloyalty.shared.level.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.level.model.LevelReward;
import org.serverlessloyalty.shared.level.model.SpecialReward;
import org.serverlessloyalty.shared.platform.http.JsonFields;

/**
 * Open Loyalty's level form (L-1, L-2: {@code level[translations][en][name]}, {@code level[conditionValue]},
 * {@code level[reward][value]} as a percent, ...) and the level as its reads show it (L-3, L-4, L-7).
 */
public final class LevelJson {

    public static final String ROOT = "level";
    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2_000;
    public static final int MAX_CODE = 100;
    public static final int MAX_SPECIAL_REWARDS = 20;
    /** Points and amounts have the same ceiling as points transfers. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
    static final String NOT_BLANK = "This value should not be blank.";

    private static final Set<String> FIELDS = Set.of("translations", "name", "description", "active", "conditionValue",
            "minOrder", "reward", "specialRewards", "photo");
    private static final Set<String> REWARD_FIELDS = Set.of("name", "value", "code");
    private static final Set<String> SPECIAL_FIELDS = Set.of("name", "value", "code", "active", "startAt", "endAt");

    private LevelJson() {
    }

    /**
     * The form as a level (id "new", replaced by the service); every problem is recorded in {@code json.errors()} and
     * null is returned when there is any.
     */
    public static Level parse(JsonFields json, Instant now) {
        int before = json.errors().size();
        json.rejectUnknown(FIELDS);
        // Open Loyalty 4.x names the level in translations[en]; the 3.2 form's flat name is taken too.
        String name = null;
        String description = null;
        String namePath = json.path("translations") + "[en][name]";
        JsonFields translations = json.object("translations");
        if (translations != null) {
            JsonFields en = translations.object("en");
            if (en != null) {
                en.rejectUnknown(Set.of("name", "description"));
                name = en.string("name", MAX_NAME);
                description = en.string("description", MAX_DESCRIPTION);
                namePath = en.path("name");
            }
        }
        if (json.has("name")) {
            name = json.string("name", MAX_NAME);
            namePath = json.path("name");
        }
        if (json.has("description")) {
            description = json.string("description", MAX_DESCRIPTION);
        }
        if ((name == null || name.isEmpty()) && json.errors().list().stream().noneMatch(e -> e.field().endsWith("[name]")
                || e.field().endsWith(".name") || e.field().equals("name"))) {
            json.errors().add(namePath, NOT_BLANK);
        }
        boolean active = Boolean.TRUE.equals(json.olBool("active"));
        BigDecimal conditionValue = required(json, "conditionValue");
        BigDecimal minOrder = json.decimal("minOrder", BigDecimal.ZERO, MAX_AMOUNT, 2);
        LevelReward reward = reward(json);
        List<SpecialReward> specials = specials(json);
        if (json.errors().size() > before) {
            return null;
        }
        return new Level("new", name, description == null || description.isEmpty() ? null : description, active,
                conditionValue, minOrder, reward, specials, now);
    }

    private static BigDecimal required(JsonFields json, String field) {
        if (!json.has(field) || json.raw(field).isTextual() && json.raw(field).asText().isBlank()) {
            json.errors().add(json.path(field), NOT_BLANK);
            return null;
        }
        return json.decimal(field, BigDecimal.ZERO, MAX_AMOUNT, 2);
    }

    private static LevelReward reward(JsonFields json) {
        JsonFields reward = json.object("reward");
        if (reward == null) {
            if (!json.has("reward")) {
                json.errors().add(json.path("reward") + "[name]", NOT_BLANK);
                json.errors().add(json.path("reward") + "[value]", NOT_BLANK);
                json.errors().add(json.path("reward") + "[code]", NOT_BLANK);
            }
            return null;
        }
        reward.rejectUnknown(REWARD_FIELDS);
        String name = requiredText(reward, "name", MAX_NAME);
        BigDecimal percent = percent(reward, "value");
        String code = requiredText(reward, "code", MAX_CODE);
        return name == null || percent == null || code == null ? null : new LevelReward(name, fraction(percent), code);
    }

    private static List<SpecialReward> specials(JsonFields json) {
        List<JsonFields> given = json.objects("specialRewards", MAX_SPECIAL_REWARDS);
        List<SpecialReward> out = new ArrayList<>();
        if (given == null) {
            return out;
        }
        for (JsonFields special : given) {
            if (special == null) {
                continue;
            }
            special.rejectUnknown(SPECIAL_FIELDS);
            String name = requiredText(special, "name", MAX_NAME);
            BigDecimal percent = percent(special, "value");
            String code = requiredText(special, "code", MAX_CODE);
            boolean active = Boolean.TRUE.equals(special.olBool("active"));
            LocalDate startAt = day(special, "startAt");
            LocalDate endAt = day(special, "endAt");
            if (startAt != null && endAt != null && endAt.isBefore(startAt)) {
                special.errors().add(special.path("endAt"), "must not be before startAt");
            }
            if (name != null && percent != null && code != null) {
                out.add(new SpecialReward(name, fraction(percent), code, active, startAt, endAt));
            }
        }
        return out;
    }

    /** Open Loyalty's lenient dates: {@code 2017-10-05}, {@code 2017-10-05 10:59} or ISO-8601; the day is kept. */
    private static LocalDate day(JsonFields json, String field) {
        String text = json.string(field, 40);
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.length() >= 10) {
            try {
                return LocalDate.parse(text.substring(0, 10));
            } catch (java.time.format.DateTimeParseException e) {
                // reported below
            }
        }
        json.errors().add(json.path(field), "must be a date such as 2026-12-31");
        return null;
    }

    private static String requiredText(JsonFields json, String field, int max) {
        String text = json.string(field, max);
        if (text == null || text.isEmpty()) {
            if (json.errors().list().stream().noneMatch(e -> e.field().equals(json.path(field)))) {
                json.errors().add(json.path(field), NOT_BLANK);
            }
            return null;
        }
        return text;
    }

    /** Rule L1: the reward is sent as a percent, 0-100. */
    private static BigDecimal percent(JsonFields json, String field) {
        if (!json.has(field)) {
            json.errors().add(json.path(field), NOT_BLANK);
            return null;
        }
        return json.decimal(field, BigDecimal.ZERO, new BigDecimal("100"), 2);
    }

    /** L1: 15 is stored as 0.15. */
    static BigDecimal fraction(BigDecimal percent) {
        return percent.movePointLeft(2).stripTrailingZeros();
    }

    /** L1: status shows the fraction 0.15 as {@code "15.00%"}. */
    public static String percentText(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** L-3, L-4 (admin and seller): the level with its members' count. */
    public static Map<String, Object> toJson(Level level, long customersCount) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", level.id());
        json.put("levelId", level.id());
        json.put("name", level.name());
        json.put("description", level.description());
        json.put("active", level.active());
        json.put("conditionValue", plain(level.conditionValue()));
        json.put("minOrder", level.minOrder() == null ? null : plain(level.minOrder()));
        json.put("reward", reward(level.reward().name(), level.reward().value(), level.reward().code()));
        List<Map<String, Object>> specials = new ArrayList<>();
        for (SpecialReward special : level.specialRewards()) {
            Map<String, Object> s = reward(special.name(), special.value(), special.code());
            s.put("active", special.active());
            s.put("startAt", special.startAt() == null ? null : special.startAt().toString());
            s.put("endAt", special.endAt() == null ? null : special.endAt().toString());
            specials.add(s);
        }
        json.put("specialRewards", specials);
        Map<String, Object> en = new LinkedHashMap<>();
        en.put("name", level.name());
        en.put("description", level.description());
        json.put("translations", Map.of("en", en));
        json.put("hasPhoto", false);
        json.put("customersCount", customersCount);
        return json;
    }

    /** L-7: what a customer sees of a level. */
    public static Map<String, Object> toCustomerJson(Level level) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", level.name());
        json.put("description", level.description());
        json.put("conditionValue", plain(level.conditionValue()));
        json.put("hasPhoto", false);
        return json;
    }

    private static Map<String, Object> reward(String name, BigDecimal value, String code) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("value", plain(value));
        json.put("code", code);
        return json;
    }

    /** As Open Loyalty writes numbers: {@code 20}, {@code 0.15}. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
