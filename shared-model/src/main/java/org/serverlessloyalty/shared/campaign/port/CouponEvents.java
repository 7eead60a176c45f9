package org.serverlessloyalty.shared.campaign.port;

import java.util.List;
import org.serverlessloyalty.shared.campaign.model.Purchase;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * Tells the merchant's voucher API about coupons a purchase issued, through the coupon-created webhook: called after
 * the purchase committed. A bought reward is stored with its event due, so a crash before or during this call loses
 * nothing: what was not handed over is found and sent later (docs/campaigns.md "Coupons are gift codes").
 */
public interface CouponEvents {

    void issued(StoreCode store, List<Purchase> purchases);

    /** No webhook (unit tests; setups without the webhook queue). */
    CouponEvents NONE = (store, purchases) -> { };
}
