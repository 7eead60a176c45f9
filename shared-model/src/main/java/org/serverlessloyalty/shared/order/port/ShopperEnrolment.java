package org.serverlessloyalty.shared.order.port;

import java.util.Optional;
import org.serverlessloyalty.shared.store.model.StoreCode;

/** Makes an order's shopper a member (setting {@code enrollShoppers}): once, whatever runs at the same time. */
public interface ShopperEnrolment {

    /**
     * @return the member now holding {@code externalId} (enrolled now or before), empty when they cannot be enrolled
     *         (their e-mail or phone belongs to another member: they are not this shopper's to take)
     */
    Optional<String> enrol(StoreCode store, String externalId, String email, String phone);
}
