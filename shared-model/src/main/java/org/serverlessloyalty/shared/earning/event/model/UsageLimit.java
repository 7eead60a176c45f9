package org.serverlessloyalty.shared.earning.event.model;

/**
 * An event rule's {@code limit[period,limit]} when {@code limit[active]} is on (rule E12): at most {@code limit}
 * uses per member per {@code period}.
 */
public record UsageLimit(UsagePeriod period, int limit) {

    public UsageLimit {
        if (period == null || limit < 0) {
            throw new IllegalArgumentException("a usage limit has a period and a limit of 0 or more");
        }
    }
}
