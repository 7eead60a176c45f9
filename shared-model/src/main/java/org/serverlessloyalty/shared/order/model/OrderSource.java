package org.serverlessloyalty.shared.order.model;

/** Which API reported the order. */
public enum OrderSource {
    /** {@code POST /api/campaignBehaviors/order/{customerId}} */
    CIBLER,
    /** {@code POST /v1/orders} */
    CITRUSAD,
    /** {@code GET /v1/resource/third-o} */
    BEACON;

    /**
     * Whether the report comes from the storefront's server, authenticated with the store's secret API
     * key. The beacon runs in shoppers' browsers with the publishable key, which is public by design:
     * anyone can send one for any order id, so it never takes code uses nor overrides a trusted report.
     */
    public boolean trusted() {
        return this != BEACON;
    }
}
