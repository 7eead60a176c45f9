package org.serverlessloyalty.shared.earning.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.earning.model.Basket;
import org.serverlessloyalty.shared.earning.model.Earned;
import org.serverlessloyalty.shared.earning.port.TransactionEarning;
import org.serverlessloyalty.shared.earning.rules.TransactionRules;
import org.serverlessloyalty.shared.points.port.PointsSettingsSource;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** {@link TransactionEarning} over the store's cached rules (rules E1-E10) and its earning statuses (E2). */
public final class RuleEarning implements TransactionEarning {

    private static final Earned NOTHING = new Earned(BigDecimal.ZERO.setScale(2), List.of());

    private final EarningRuleCatalog catalog;
    private final PointsSettingsSource settings;

    public RuleEarning(EarningRuleCatalog catalog, PointsSettingsSource settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    @Override
    public Earned evaluate(StoreCode store, Basket basket, Optional<Audience> audience) {
        // E2: a member whose status may not earn earns nothing from a transaction.
        if (audience.isPresent() && !settings.settings(store).earningStatuses().contains(audience.get().status())) {
            return NOTHING;
        }
        return TransactionRules.evaluate(catalog.rules(store), basket, audience);
    }
}
