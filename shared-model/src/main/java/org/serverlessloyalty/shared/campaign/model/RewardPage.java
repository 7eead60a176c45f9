package org.serverlessloyalty.shared.campaign.model;

import java.util.List;

/** One page of bought rewards and how many match in all ({@code total}). */
public record RewardPage(List<Purchase> rewards, long total) {
    public RewardPage {
        rewards = List.copyOf(rewards);
    }
}
