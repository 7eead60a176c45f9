package org.serverlessloyalty.shared.order.port;

import java.util.Optional;
import org.serverlessloyalty.shared.order.model.ShopBalance;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** The shop's reported balance of each member (one item beside the member), for the member view. */
public interface ShopBalances {

    ShopBalances NONE = new ShopBalances() {
        @Override
        public void record(StoreCode store, String memberId, ShopBalance balance) {
            // nowhere to keep it
        }

        @Override
        public Optional<ShopBalance> find(StoreCode store, String memberId) {
            return Optional.empty();
        }
    };

    /** Keeps {@code balance} unless a report of a later order is there already. */
    void record(StoreCode store, String memberId, ShopBalance balance);

    Optional<ShopBalance> find(StoreCode store, String memberId);
}
