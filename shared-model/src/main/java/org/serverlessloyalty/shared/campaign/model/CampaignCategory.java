package org.serverlessloyalty.shared.campaign.model;

import java.time.Instant;
import java.util.Map;
import org.serverlessloyalty.shared.store.model.StoreCode;

/**
 * A campaign category (A28, {@code campaign_category[...]}): campaigns name the categories they are in, the lists
 * filter by them ({@code categoryId[]}) and a campaign shows their names ({@code categoryNames}).
 *
 * @param names by locale
 */
public record CampaignCategory(StoreCode store, String id, Map<String, String> names, boolean active, int sortOrder,
                               Instant createdAt) {

    public CampaignCategory {
        names = Map.copyOf(names);
    }

    /** The name in {@code locale}, else {@code en}, else any. */
    public String name(String locale) {
        String name = names.get(locale);
        if (name == null) {
            name = names.get("en");
        }
        return name != null ? name : names.values().stream().findFirst().orElse("");
    }
}
