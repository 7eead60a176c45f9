package org.serverlessloyalty.shared.campaign.model;

import java.util.List;

/** What a purchase came to: the coupons it issued (all {@code quantity} of them), or why it issued none. */
public sealed interface BuyOutcome {

    record Bought(List<Purchase> purchases) implements BuyOutcome {
        public Bought {
            purchases = List.copyOf(purchases);
        }
    }

    record Refused(BuyRefusal refusal) implements BuyOutcome {
    }
}
