package org.serverlessloyalty.points.transaction;

import java.math.BigDecimal;
import java.util.Optional;
import org.serverlessloyalty.shared.earning.port.EventEarning;
import org.serverlessloyalty.shared.level.port.LevelRecalculation;
import org.serverlessloyalty.shared.order.port.ShopBalances;
import org.serverlessloyalty.shared.points.model.ClaimKind;
import org.serverlessloyalty.shared.points.model.Member;
import org.serverlessloyalty.shared.points.model.MemberRef;
import org.serverlessloyalty.shared.points.model.StoreZone;
import org.serverlessloyalty.shared.points.service.MemberDirectory;
import org.serverlessloyalty.shared.store.model.StoreCode;
import org.serverlessloyalty.shared.transaction.port.Shoppers;
import org.serverlessloyalty.shared.transaction.port.TransactionRepository;
import org.serverlessloyalty.shared.transaction.port.TransactionSettingsSource;

/**
 * What the transactions need besides the points ledger and the earning rules (issue 10, h10-tx): their own adapters,
 * and the ports other parts of issue 10 implement (levels, event rules), each a parameter so their implementations
 * are wired in one place.
 */
public record TransactionPorts(TransactionRepository repository, TransactionSettingsSource settings,
                               LevelRecalculation levels, EventEarning events, ShopBalances shopBalances) {

    /** Until levels are merged in (h10-levels): nothing to recalculate. */
    public static final LevelRecalculation NO_LEVELS = (store, memberId) -> {
    };

    /** Until event rules are merged in (h10-events): no event earns. */
    public static final EventEarning NO_EVENTS = new EventEarning() {
        @Override
        public BigDecimal award(StoreZone store, String memberId, String eventName, String occasion) {
            return BigDecimal.ZERO;
        }

        @Override
        public void purchased(StoreZone store, String memberId, String transactionId, boolean first) {
            // no event rules yet
        }
    };

    /** The member directory as the transactions look members up (T4, T-5). */
    public static Shoppers shoppers(MemberDirectory directory) {
        return new Shoppers() {
            @Override
            public Optional<MemberRef> byId(StoreCode store, String memberId) {
                return directory.byId(store, memberId);
            }

            @Override
            public Optional<MemberRef> by(StoreCode store, ClaimKind kind, String value) {
                return directory.findBy(store, kind, value).map(Member::ref);
            }
        };
    }
}
