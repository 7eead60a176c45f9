package org.serverlessloyalty.shared.access.model;

/** Who a route of the points family is for (docs/architecture.md, "Who may call what in the points family"). */
public enum Access {
    /** {@code /api/store/{storeCode}/...}: the deployment admin key only. */
    DEPLOYMENT_ADMIN,
    /** {@code /api/{storeCode}/admin/...}: the admin key, or the store's own key acting as its admin. */
    STORE_ADMIN,
    /** {@code /api/{storeCode}/seller/...} and {@code /pos/...}: the admin key, or the store's key (its points of sale). */
    SELLER,
    /** {@code /api/{storeCode}/customer/token}: the shop's server asks for a customer token (admin or store key). */
    TOKEN_ISSUER,
    /** {@code /api/{storeCode}/customer/{customer}/...}: the admin key, the store's key, or that member's token. */
    MEMBER,
    /**
     * {@code /api/{storeCode}/customer/points/...}: a customer token only; the route acts for the token's member, whom
     * no path names (Open Loyalty's logged-in customer). A key has no member to act for: 401.
     */
    CUSTOMER_SELF,
    /**
     * Anonymous routes of an active store (Open Loyalty's public campaign list, a campaign's photos): no credential is
     * needed, and one that is presented is not checked.
     */
    PUBLIC
}
