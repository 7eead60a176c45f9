package org.serverlessloyalty.shared.earning.event.model;

/** What a custom event, a place or a QR code earns a member (E-6 to E-9), decided before anything is written. */
public sealed interface EventDecision {

    /** Add these points while the bounds hold. */
    record Earn(Award award) implements EventDecision {
    }

    /** 400 {@code {"error":"event does not exist"}} (E-6, E-7, E-9): no active rule of the member matches. */
    record NoSuchEvent() implements EventDecision {
    }

    /** 400: no active geolocation rule of the member has the place in its radius (E13). */
    record NotInRange() implements EventDecision {
    }

    /** 400 {@code {"error":"limit exceeded"}} without a write: a rule's limit is 0 (E12). */
    record LimitExceeded() implements EventDecision {
    }

    String EVENT_DOES_NOT_EXIST = "event does not exist";
    String LIMIT_EXCEEDED = "limit exceeded";
    String NOT_IN_RANGE = "no earning rule in range of this place";
}
