package org.serverlessloyalty.shared.earning.service;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.serverlessloyalty.shared.earning.model.EarningRule;
import org.serverlessloyalty.shared.earning.port.EarningRuleRepository;
import org.serverlessloyalty.shared.platform.cache.TtlCache;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * A store's earning rules as the evaluators read them: all of them, in creation order, cached per instance for a
 * short TTL (the store cache's), so a checkout or an order batch reads the rules from memory; a change made through
 * this instance is seen at once, one made elsewhere within the TTL.
 */
public final class EarningRuleCatalog {

    private final EarningRuleRepository repository;
    private final TtlCache<StoreCode, List<EarningRule>> cache;

    public EarningRuleCatalog(EarningRuleRepository repository, Duration ttl, Clock clock) {
        this.repository = repository;
        this.cache = new TtlCache<>(ttl, clock);
    }

    /** Every rule of the store, active or not, in creation order. */
    public List<EarningRule> rules(StoreCode store) {
        return cache.get(store, s -> Optional.of(repository.list(s))).orElse(List.of());
    }

    public void invalidate(StoreCode store) {
        cache.invalidate(store);
    }

    public EarningRuleRepository repository() {
        return repository;
    }
}
