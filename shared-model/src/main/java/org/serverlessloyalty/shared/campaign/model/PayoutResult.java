package org.serverlessloyalty.shared.campaign.model;

import java.time.Instant;

/**
 * What the payout provider reported for a cashback reward (A24), as recorded on the reward.
 *
 * @param status   {@link Status#PENDING} (the provider accepted it; a later callback settles it), or a final
 *                 {@link Status#PAID} / {@link Status#FAILED}, which no later callback changes
 * @param code     the provider's status code as sent (e.g. PayTM {@code ACCEPTED}, {@code SUCCESS}, {@code FAILURE})
 * @param message  the provider's status message
 * @param provider the provider named in the route ({@code paytm})
 */
public record PayoutResult(Status status, String code, String message, String provider, Instant at) {

    public enum Status {
        PENDING, PAID, FAILED;

        public boolean isFinal() {
            return this != PENDING;
        }
    }

    public boolean failed() {
        return status == Status.FAILED;
    }
}
