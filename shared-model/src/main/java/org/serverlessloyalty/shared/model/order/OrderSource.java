package org.serverlessloyalty.shared.model.order;

/** Which API reported the order. */
public enum OrderSource {
    /** {@code POST /api/campaignBehaviors/order/{customerId}} */
    CIBLER,
    /** {@code POST /v1/orders} */
    CITRUSAD,
    /** {@code GET /v1/resource/third-o} */
    BEACON
}
