package org.serverlessloyalty.shared.campaign.model;

/**
 * Who buys (C16): the admin (skips visibility and targeting, may buy {@code withoutPoints} and percentage codes),
 * a seller at the point of sale, or the member with their own token (both held to visibility and targeting, section
 * 4 item 4).
 */
public enum BuyRole {
    ADMIN, SELLER, CUSTOMER
}
