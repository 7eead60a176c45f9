package org.serverlessloyalty.points.level;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.serverlessloyalty.shared.level.json.LevelJson;
import org.serverlessloyalty.shared.level.model.DowngradeBase;
import org.serverlessloyalty.shared.level.model.Level;
import org.serverlessloyalty.shared.level.model.TierAssignType;
import org.serverlessloyalty.shared.level.rules.LevelChoice;
import org.serverlessloyalty.shared.level.service.MemberLevels;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.transaction.model.TransactionTotals;

/**
 * The level and transaction fields of a member's status (section 1.B.2): {@code level} ("15.00%", L1),
 * {@code levelName}, {@code levelConditionValue}, {@code nextLevel...}, {@code pointsToNextLevel} (L7, the points
 * truncated) or {@code transactionsAmountToNextLevel[WithoutDeliveryCosts]} by the store's tier type, the transaction
 * aggregates (T6), and for after_x_days {@code levelWillExpireInDays}. Fields about a level the member does not have
 * are left out, as Open Loyalty's status provider leaves them.
 */
public final class LevelStatusFields {

    private final MemberLevels levels;

    public LevelStatusFields(MemberLevels levels) {
        this.levels = levels;
    }

    public Map<String, Object> of(StoreZone store, String memberId) {
        return fields(levels.view(store, memberId));
    }

    static Map<String, Object> fields(MemberLevels.View view) {
        Map<String, Object> json = new LinkedHashMap<>();
        Level level = view.level();
        Level next = view.next();
        if (level != null) {
            json.put("level", LevelJson.percentText(level.reward().value()));
            json.put("levelName", level.name());
            json.put("levelConditionValue", LevelJson.plain(level.conditionValue()));
        }
        if (next != null) {
            json.put("nextLevel", LevelJson.percentText(next.reward().value()));
            json.put("nextLevelName", next.name());
            json.put("nextLevelConditionValue", LevelJson.plain(next.conditionValue()));
        }
        TransactionTotals totals = view.totals();
        boolean byPoints = view.settings().tierAssignType() == TierAssignType.POINTS;
        if (next != null && byPoints) {
            json.put("pointsToNextLevel", LevelJson.plain(LevelChoice.pointsToNext(next, view.amounts().reach())));
        }
        if (next != null && !byPoints) {
            json.put("transactionsAmountToNextLevel", LevelJson.plain(LevelChoice.amountToNext(next, totals.amount())));
            json.put("transactionsAmountToNextLevelWithoutDeliveryCosts",
                    LevelJson.plain(LevelChoice.amountToNext(next, totals.amountWithoutDeliveryCost())));
        }
        json.put("transactionsAmount", LevelJson.plain(totals.amount()));
        json.put("transactionsAmountWithoutDeliveryCosts", LevelJson.plain(totals.amountWithoutDeliveryCost()));
        json.put("averageTransactionsAmount", totals.count() == 0 ? "0.00"
                : totals.amount().divide(BigDecimal.valueOf(totals.count()), 2, RoundingMode.HALF_UP).toPlainString());
        json.put("transactionsCount", totals.count());
        view.levelWillExpireInDays().ifPresent(days -> json.put("levelWillExpireInDays", days));
        if (byPoints && view.settings().downgradeBase() == DowngradeBase.EARNED_POINTS_SINCE_LAST_LEVEL_CHANGE) {
            BigDecimal since = MemberLevels.sinceChange(view.state(), view.points().totalEarnedPoints().value());
            json.put("pointsSinceLastLevelRecalculation", LevelJson.plain(since));
            if (level != null) {
                BigDecimal required = level.conditionValue().subtract(since);
                json.put("pointsRequiredToRetainLevel", LevelJson.plain(required.signum() < 0 ? BigDecimal.ZERO
                        : required));
            }
        }
        return json;
    }
}
