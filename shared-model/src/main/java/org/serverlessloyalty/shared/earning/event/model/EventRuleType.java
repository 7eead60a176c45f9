package org.serverlessloyalty.shared.earning.event.model;

/** The earning rule types awarded on events rather than on a transaction's basket (rule E3). */
public enum EventRuleType {
    /** A built-in event ({@code oloy.account.created}, ...): rule E11. */
    EVENT,
    /** A shop's own event, used through E-6/E-7, with a usage limit (E11, E12). */
    CUSTOM_EVENT,
    /** E-8, rule E13. */
    GEOLOCATION,
    /** E-9, rule E14. */
    QRCODE,
    /** An invited member's register / first_purchase / every_purchase. */
    REFERRAL
}
