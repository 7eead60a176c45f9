package org.serverlessloyalty.shared.campaign.model;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** A reward campaign's id ({@code campaignId}): a lower-case UUID, as Open Loyalty's clients expect. */
public record CampaignId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public CampaignId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a campaign id is a lower-case UUID");
        }
    }

    public static CampaignId newId() {
        return new CampaignId(UUID.randomUUID().toString());
    }

    /** An id from a path or a body, in any UUID spelling; empty when it is none (the route answers 404 or 400). */
    public static java.util.Optional<CampaignId> parse(String raw) {
        if (raw == null) {
            return java.util.Optional.empty();
        }
        String candidate = raw.strip().toLowerCase(Locale.ROOT);
        return FORMAT.matcher(candidate).matches() ? java.util.Optional.of(new CampaignId(candidate))
                : java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
