package org.serverlessloyalty.shared.earning.port;

import java.util.Optional;
import org.serverlessloyalty.shared.earning.model.Audience;
import org.serverlessloyalty.shared.earning.model.Basket;
import org.serverlessloyalty.shared.earning.model.Earned;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** The store's active transaction rules applied to a basket (rules E1-E10); writes nothing. */
public interface TransactionEarning {

    /**
     * @param audience the member the transaction is assigned to (their level and segments select the rules, E1);
     *                 empty for a merchant's preview ({@code POST /transaction/simulate} without a member, T7): every
     *                 active rule applies whatever its targeting
     */
    Earned evaluate(StoreCode store, Basket basket, Optional<Audience> audience);
}
